import type { QuestionnaireDetail } from "../../../domains/feedback/questionnaires/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { FeedbackNav } from "../feedback/feedback-nav.tsx";
import {
  formatCount,
  formatDateTime,
  QUESTIONNAIRES_CSS,
  QUESTIONNAIRES_PATH,
  questionnairePath,
} from "./labels.ts";
import { QuestionnairePreview } from "./questionnaire-preview.tsx";

function answersText(answers: number): string {
  if (answers === 0) return "Aucune réponse n'y a été donnée.";
  return answers === 1
    ? "1 réponse y a été donnée : elle se lit avec les questions ci-dessous."
    : `${formatCount(answers)} réponses y ont été données : elles se lisent avec les questions ci-dessous.`;
}

/** One version as it was: its questions (answers given to it are read against them) and its JSON. */
export function QuestionnaireVersionPage(props: { site: SiteContext; questionnaire: QuestionnaireDetail }) {
  const { questionnaire } = props;
  const { shown } = questionnaire;
  const current = shown.version === questionnaire.currentVersion;
  return (
    <BackofficePage site={props.site} title={`« ${questionnaire.title} », version ${shown.version}`}>
      <link rel="stylesheet" href={QUESTIONNAIRES_CSS} />
      <FeedbackNav current={QUESTIONNAIRES_PATH} roles={props.site.agent?.roles} />
      <h1>
        « {questionnaire.title} », version {shown.version}
      </h1>
      <p>
        {current
          ? "Version actuelle"
          : `Ancienne version (version actuelle : ${questionnaire.currentVersion})`}
        {`, créée le ${formatDateTime(shown.createdAt)}. ${answersText(shown.answers)}`}
      </p>
      {current ? null : (
        <p>
          <a href={`${questionnairePath(questionnaire.id)}?depuis=${shown.version}`}>
            Repartir de cette version pour en créer une nouvelle
          </a>
        </p>
      )}
      {shown.definition ? (
        <QuestionnairePreview definition={shown.definition} heading="Questions de cette version" />
      ) : (
        <p>Cette version ne se lit plus comme un questionnaire : voici son texte tel qu'il est enregistré.</p>
      )}
      <section aria-labelledby="_json-titre" class="bo-panel">
        <h2 id="_json-titre">Texte enregistré</h2>
        <div class="form-field">
          <label for="_json">Définition de la version {shown.version} (JSON, lecture seule)</label>
          <textarea id="_json" class="json-editor" rows={20} readOnly spellcheck={false}>
            {shown.json}
          </textarea>
        </div>
      </section>
      <p>
        <a href={questionnairePath(questionnaire.id)}>Retour au questionnaire</a>
      </p>
    </BackofficePage>
  );
}
