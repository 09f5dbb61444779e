/** The questionnaire pages as plain functions returning a tree, for the route file written without JSX. */
import type { VNode } from "preact";
import { NewQuestionnairePage } from "./new-questionnaire-page.tsx";
import { QuestionnaireEditPage } from "./questionnaire-edit-page.tsx";
import { QuestionnairesPage } from "./questionnaires-page.tsx";
import { QuestionnaireVersionPage } from "./version-page.tsx";

type PropsOf<T> = T extends (props: infer P) => unknown ? P : never;

export const questionnairesView = (props: PropsOf<typeof QuestionnairesPage>): VNode => (
  <QuestionnairesPage {...props} />
);
export const questionnaireEditView = (props: PropsOf<typeof QuestionnaireEditPage>): VNode => (
  <QuestionnaireEditPage {...props} />
);
export const newQuestionnaireView = (props: PropsOf<typeof NewQuestionnairePage>): VNode => (
  <NewQuestionnairePage {...props} />
);
export const questionnaireVersionView = (props: PropsOf<typeof QuestionnaireVersionPage>): VNode => (
  <QuestionnaireVersionPage {...props} />
);
