import type { QuestionnaireDefinition } from "../../../domains/feedback/index.ts";
import type { DefinitionError } from "../../../domains/feedback/questionnaires/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { FeedbackNav } from "../feedback/feedback-nav.tsx";
import { CsrfField, ErrorSummary, Field, type FieldError } from "../form-fields.tsx";
import { DefinitionEditor, definitionErrorText } from "./definition-editor.tsx";
import { FIELD_IDS, NEW_QUESTIONNAIRE_PATH, QUESTIONNAIRES_CSS, QUESTIONNAIRES_PATH } from "./labels.ts";
import { QuestionnairePreview } from "./questionnaire-preview.tsx";

export type NewQuestionnairePageProps = {
  site: SiteContext;
  slug: string;
  text: string;
  slugError?: string | undefined;
  definitionErrors?: DefinitionError[];
  preview: QuestionnaireDefinition | null;
};

/** A custom questionnaire: its address and its definition, saved as a draft (version 1). */
export function NewQuestionnairePage(props: NewQuestionnairePageProps) {
  const definitionErrors = props.definitionErrors ?? [];
  const summary: FieldError[] = [
    ...(props.slugError ? [{ id: FIELD_IDS.slug, message: props.slugError }] : []),
    ...definitionErrors.map((error) => ({ id: FIELD_IDS.definition, message: definitionErrorText(error) })),
  ];
  return (
    <BackofficePage site={props.site} title="Créer un questionnaire" hasErrors={summary.length > 0}>
      <link rel="stylesheet" href={QUESTIONNAIRES_CSS} />
      <FeedbackNav current={QUESTIONNAIRES_PATH} roles={props.site.agent?.roles} />
      <ErrorSummary errors={summary} />
      <h1>Créer un questionnaire</h1>
      <p>
        Le questionnaire est créé en brouillon : vérifiez l'aperçu, puis publiez-le pour l'ouvrir aux usagers.
        Les types de questions sont ceux des questionnaires standard ; le texte proposé ci-dessous est un
        exemple à adapter.
      </p>
      <form method="post" action={NEW_QUESTIONNAIRE_PATH} class="bo-form" novalidate>
        <CsrfField token={props.site.csrfToken} />
        <Field
          id={FIELD_IDS.slug}
          label="Adresse du questionnaire"
          hint="Lettres minuscules sans accent, chiffres et tirets, 2 à 40 caractères. Le questionnaire sera à /avis/<adresse>, par exemple /avis/accueil-mairie."
          error={props.slugError}
          required
        >
          {(describedBy) => (
            <input
              type="text"
              id={FIELD_IDS.slug}
              name="slug"
              value={props.slug}
              maxlength={40}
              spellcheck={false}
              autocomplete="off"
              aria-describedby={describedBy}
              aria-invalid={props.slugError ? "true" : undefined}
            />
          )}
        </Field>
        <DefinitionEditor value={props.text} errors={definitionErrors} />
        <button type="submit">Créer le brouillon</button>
      </form>
      {props.preview ? (
        <QuestionnairePreview definition={props.preview} heading="Aperçu du texte ci-dessus" />
      ) : null}
      <p>
        <a href={QUESTIONNAIRES_PATH}>Retour aux questionnaires</a>
      </p>
    </BackofficePage>
  );
}
