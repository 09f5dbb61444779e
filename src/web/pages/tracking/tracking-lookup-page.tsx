import { ErrorSummary, Field, type FieldError } from "../../backoffice/form-fields.tsx";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";

export type TrackingLookupProps = {
  site: SiteContext;
  reference: string;
  email: string;
  errors: FieldError[];
};

export function TrackingLookupPage(props: TrackingLookupProps) {
  const errorOf = (id: string) => props.errors.find((e) => e.id === id)?.message;
  return (
    <Page
      site={props.site}
      title={props.errors.length > 0 ? "Erreur : suivre une demande" : "Suivre une demande"}
      path="/suivi"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Suivre une demande" }]}
    >
      <h1>Suivre une demande</h1>
      <p class="lead">
        Indiquez la référence de votre demande et l'adresse électronique donnée en la déposant. Le lien reçu
        par courrier électronique mène aussi à votre demande.
      </p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/suivi" class="citizen-form" novalidate>
        <Field
          id="reference"
          label="Référence de la demande"
          required
          hint="Exemple : GU-2026-000123"
          error={errorOf("reference")}
        >
          {(describedBy) => (
            <input
              id="reference"
              name="reference"
              type="text"
              required
              autocomplete="off"
              spellcheck={false}
              maxlength={40}
              value={props.reference}
              aria-describedby={describedBy}
              aria-invalid={errorOf("reference") ? "true" : undefined}
            />
          )}
        </Field>
        <Field
          id="email"
          label="Adresse électronique"
          required
          hint="Exemple : prenom.nom@exemple.fr"
          error={errorOf("email")}
        >
          {(describedBy) => (
            <input
              id="email"
              name="email"
              type="email"
              required
              autocomplete="email"
              spellcheck={false}
              maxlength={254}
              value={props.email}
              aria-describedby={describedBy}
              aria-invalid={errorOf("email") ? "true" : undefined}
            />
          )}
        </Field>
        <button type="submit">Retrouver ma demande</button>
      </form>
      <p>
        Pas encore de demande ? <a href="/contact">Écrivez-nous</a>.
      </p>
    </Page>
  );
}
