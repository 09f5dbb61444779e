import {
  nextQuestionnaireStatus,
  QUESTIONNAIRE_TRANSITIONS,
  type QuestionnaireStatus,
  type QuestionnaireStatusAction,
} from "../../../domains/feedback/questionnaires/index.ts";
import { CsrfField } from "../form-fields.tsx";
import { questionnaireStatusPath } from "./labels.ts";

const ACTION_LABELS: Record<QuestionnaireStatus, Record<QuestionnaireStatusAction, string>> = {
  draft: { publish: "Publier", archive: "Archiver" },
  published: { publish: "Publier", archive: "Archiver" },
  archived: { publish: "Rouvrir", archive: "Archiver" },
};

/** One small form per move the transition table allows from the current status. */
export function StatusButtons(props: {
  questionnaire: { id: string; slug: string; title: string; status: QuestionnaireStatus };
  csrfToken: string | undefined;
  /** Where to come back: the list or the questionnaire's page. */
  back: "liste" | "questionnaire";
  firstId?: string;
}) {
  const { questionnaire } = props;
  // Only what would be accepted: the JDMA and the chat's CSAT are never archived, for instance.
  const actions = (
    Object.keys(QUESTIONNAIRE_TRANSITIONS[questionnaire.status]) as QuestionnaireStatusAction[]
  ).filter((action) => nextQuestionnaireStatus({ ...questionnaire, from: questionnaire.status, action }).ok);
  return (
    <>
      {actions.map((action, index) => (
        <form method="post" action={questionnaireStatusPath(questionnaire.id)} class="inline-form">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="retour" value={props.back} />{" "}
          <button
            type="submit"
            class={action === "archive" ? "secondary small" : "small"}
            id={index === 0 ? props.firstId : undefined}
          >
            {ACTION_LABELS[questionnaire.status][action]}
            <span class="visually-hidden"> « {questionnaire.title} »</span>
          </button>
        </form>
      ))}
    </>
  );
}
