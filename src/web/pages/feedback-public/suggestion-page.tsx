import { ErrorSummary, type FieldError, InputField, TextareaField } from "../../backoffice/form-fields.tsx";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { errorOf, FormKeyAndTrap, PERSONAL_DATA_WARNING } from "./form-bits.tsx";

export type SuggestionValues = { sujet: string; suggestion: string };

export function SuggestionPage(props: {
  site: SiteContext;
  values: SuggestionValues;
  formKey: string;
  errors: FieldError[];
}) {
  const { values, errors } = props;
  return (
    <Page
      site={props.site}
      title={errors.length > 0 ? "Erreur : boîte à idées" : "Boîte à idées"}
      path="/suggestions"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Boîte à idées" }]}
    >
      <h1>Boîte à idées</h1>
      <p class="lead">
        Une idée pour améliorer l'accueil, une démarche ou un service ? Proposez-la : les idées retenues sont
        suivies sur la page <a href="/vous-avez-dit">Vous avez dit, nous avons fait</a>.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/suggestions" class="citizen-form" novalidate>
        <FormKeyAndTrap formKey={props.formKey} />
        <InputField
          id="sujet"
          label="Sujet"
          hint="Facultatif. Par exemple : horaires, accueil, site internet."
          error={errorOf(errors, "sujet")}
          maxlength={100}
          value={values.sujet}
        />
        <TextareaField
          id="suggestion"
          label="Votre suggestion"
          required
          hint={PERSONAL_DATA_WARNING}
          error={errorOf(errors, "suggestion")}
          rows={6}
          maxlength={2000}
          value={values.suggestion}
        />
        <button type="submit">Envoyer ma suggestion</button>
      </form>
    </Page>
  );
}
