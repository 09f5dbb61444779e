import type { QuestionnaireDefinition } from "../../../domains/feedback/index.ts";
import type { DefinitionError, QuestionnaireDetail } from "../../../domains/feedback/questionnaires/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { FeedbackNav } from "../feedback/feedback-nav.tsx";
import { CsrfField, ErrorSummary, type FieldError } from "../form-fields.tsx";
import { DefinitionEditor, definitionErrorText } from "./definition-editor.tsx";
import {
  FIELD_IDS,
  formatCount,
  formatDateTime,
  KIND_LABELS,
  publicPathOf,
  QUESTIONNAIRES_CSS,
  QUESTIONNAIRES_PATH,
  questionnairePath,
  STATUS_LABELS,
  versionPath,
} from "./labels.ts";
import { QuestionnairePreview } from "./questionnaire-preview.tsx";
import { StatusButtons } from "./status-buttons.tsx";

export type QuestionnaireEditPageProps = {
  site: SiteContext;
  questionnaire: QuestionnaireDetail;
  /** What the textarea holds: the current version, or what the admin sent back with errors. */
  text: string;
  /** The version the text was taken from (a "start from version N" link), when not the current one. */
  startedFrom?: number | undefined;
  /** Each problem of the definition sent, with its path. */
  definitionErrors?: DefinitionError[];
  /** A refusal of another kind (status change, edit made meanwhile). */
  error?: FieldError | undefined;
  /** What the preview shows: the text sent when it reads, else the current version. */
  preview: { definition: QuestionnaireDefinition; heading: string } | null;
  /** The questions the analysis reads (standard questionnaires): they must stay. */
  indicatorFields: { id: string; label: string }[];
  flash?: string | undefined;
};

const STATUS_TEXT = {
  draft: "En brouillon : seuls les agents le voient. Publiez-le pour l'ouvrir aux usagers.",
  published: "Publié : les usagers peuvent y répondre.",
  archived:
    "Archivé : sa page indique aux usagers qu'il n'est plus ouvert. Les réponses reçues sont gardées.",
} as const;

export function QuestionnaireEditPage(props: QuestionnaireEditPageProps) {
  const { questionnaire } = props;
  const definitionErrors = props.definitionErrors ?? [];
  const summary: FieldError[] = [
    ...(props.error ? [props.error] : []),
    ...definitionErrors.map((error) => ({ id: FIELD_IDS.definition, message: definitionErrorText(error) })),
  ];
  const published = questionnaire.status === "published";
  const totalAnswers = questionnaire.versions.reduce((sum, version) => sum + version.answers, 0);
  const statusError = props.error?.id === FIELD_IDS.status ? props.error.message : undefined;
  return (
    <BackofficePage
      site={props.site}
      title={`Questionnaire « ${questionnaire.title} »`}
      hasErrors={summary.length > 0}
      flash={props.flash}
    >
      <link rel="stylesheet" href={QUESTIONNAIRES_CSS} />
      <FeedbackNav current={QUESTIONNAIRES_PATH} roles={props.site.agent?.roles} />
      <ErrorSummary errors={summary} />
      <h1>Questionnaire « {questionnaire.title} »</h1>
      <dl class="case-facts">
        <dt>Adresse publique</dt>
        <dd>
          {published ? (
            <a href={publicPathOf(questionnaire.slug)}>{publicPathOf(questionnaire.slug)}</a>
          ) : (
            `${publicPathOf(questionnaire.slug)} (non ouvert aux usagers)`
          )}
        </dd>
        <dt>Type</dt>
        <dd>{KIND_LABELS[questionnaire.kind]}</dd>
        <dt>État</dt>
        <dd>{STATUS_LABELS[questionnaire.status]}</dd>
        <dt>Version actuelle</dt>
        <dd>{questionnaire.currentVersion}</dd>
        <dt>Réponses</dt>
        <dd>{formatCount(totalAnswers)}</dd>
      </dl>

      <section aria-labelledby="_etat-titre" class="bo-panel">
        <h2 id="_etat-titre">Publication</h2>
        <p>{STATUS_TEXT[questionnaire.status]}</p>
        {statusError ? (
          <p class="error-message" id={`${FIELD_IDS.status}-erreur`}>
            <span class="visually-hidden">Erreur : </span>
            {statusError}
          </p>
        ) : null}
        <StatusButtons
          questionnaire={questionnaire}
          csrfToken={props.site.csrfToken}
          back="questionnaire"
          firstId={FIELD_IDS.status}
        />
      </section>

      <section aria-labelledby="_version-titre" class="bo-panel">
        <h2 id="_version-titre">Nouvelle version</h2>
        <p>
          Enregistrer crée la version {questionnaire.currentVersion + 1}, proposée aussitôt aux usagers ; les
          réponses déjà reçues restent rattachées à leur version.
          {props.startedFrom !== undefined
            ? ` Le texte ci-dessous reprend la version ${props.startedFrom}.`
            : null}
        </p>
        {props.indicatorFields.length > 0 ? (
          <>
            <p>
              Ces questions alimentent l'analyse des avis : gardez-les, avec le même identifiant et le même
              type.
            </p>
            <ul>
              {props.indicatorFields.map((field) => (
                <li>
                  <code>{field.id}</code> : {field.label}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <form method="post" action={questionnairePath(questionnaire.id)} class="bo-form" novalidate>
          <CsrfField token={props.site.csrfToken} />
          <input type="hidden" name="version_base" value={String(questionnaire.currentVersion)} />
          <DefinitionEditor value={props.text} errors={definitionErrors} />
          <button type="submit">Enregistrer la version {questionnaire.currentVersion + 1}</button>
        </form>
      </section>

      {props.preview ? (
        <QuestionnairePreview definition={props.preview.definition} heading={props.preview.heading} />
      ) : null}

      <section aria-labelledby="_versions-titre" class="bo-panel">
        <h2 id="_versions-titre">Versions</h2>
        <div class="table-wrap">
          <table class="desk-inbox">
            <caption>Versions du questionnaire, la plus récente d'abord</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Créée le</th>
                <th scope="col">Réponses</th>
                <th scope="col">Consulter</th>
              </tr>
            </thead>
            <tbody>
              {questionnaire.versions.map((version) => (
                <tr>
                  <th scope="row">
                    {version.version}
                    {version.version === questionnaire.currentVersion ? " (actuelle)" : null}
                  </th>
                  <td>{formatDateTime(version.createdAt)}</td>
                  <td>{formatCount(version.answers)}</td>
                  <td>
                    <a href={versionPath(questionnaire.id, version.version)}>
                      Voir la version {version.version}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p>
        <a href={QUESTIONNAIRES_PATH}>Retour aux questionnaires</a>
      </p>
    </BackofficePage>
  );
}
