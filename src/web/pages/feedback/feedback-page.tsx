import type { AnswerInput, QuestionnaireDefinition } from "../../../domains/feedback/index.ts";
import { ErrorSummary, type FieldError } from "../../backoffice/form-fields.tsx";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { anchorOf, HIDDEN } from "./form-names.ts";
import { type FieldErrors, QuestionnaireFields } from "./questionnaire-form.tsx";

export const FEEDBACK_CSS = "/assets/feedback.css";

export type FeedbackPageProps = {
  site: SiteContext;
  definition: QuestionnaireDefinition;
  /** Where the form posts: "/avis", "/avis/epic", "/avis/borne". */
  action: string;
  formKey: string;
  values: AnswerInput;
  /** By answer field ("clarte", "aide_administration.chat"), from the use case. */
  errors: { field: string; message: string }[];
  /** `version`: the questionnaire version shown, sent back so the answer is checked against it. */
  hidden: { channel?: string; topic?: string; invitation?: string; kiosk?: boolean; version?: number };
};

export function FeedbackPage(props: FeedbackPageProps) {
  const { definition, errors } = props;
  const kiosk = props.hidden.kiosk === true;
  const summary: FieldError[] = errors.map((error) => ({
    id: anchorOf(definition, error.field),
    message: error.message,
  }));
  const byField: FieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  return (
    <Page
      site={props.site}
      title={errors.length > 0 ? `Erreur : ${definition.title}` : definition.title}
      path={kiosk ? undefined : "/avis"}
      breadcrumb={kiosk ? undefined : [{ label: "Accueil", href: "/" }, { label: definition.title }]}
      stylesheets={[FEEDBACK_CSS]}
    >
      <div class={kiosk ? "feedback kiosk" : "feedback"}>
        <h1>{definition.title}</h1>
        {definition.intro ? <p class="lead">{definition.intro}</p> : null}
        <ErrorSummary errors={summary} />
        <form method="post" action={props.action} class="citizen-form feedback-form" novalidate>
          <input type="hidden" name={HIDDEN.formKey} value={props.formKey} />
          {props.hidden.channel ? (
            <input type="hidden" name={HIDDEN.channel} value={props.hidden.channel} />
          ) : null}
          {props.hidden.topic ? <input type="hidden" name={HIDDEN.topic} value={props.hidden.topic} /> : null}
          {props.hidden.invitation ? (
            <input type="hidden" name={HIDDEN.invitation} value={props.hidden.invitation} />
          ) : null}
          <p>Toutes les questions sont facultatives, sauf celles marquées « obligatoire ».</p>
          <QuestionnaireFields
            definition={definition}
            values={props.values}
            errors={byField}
            version={props.hidden.version}
          />
          <button type="submit" class="feedback-submit">
            Envoyer mon avis
          </button>
        </form>
      </div>
    </Page>
  );
}
