import type { SiteContext } from "../site.ts";
import { BackofficePage } from "./backoffice-page.tsx";
import { CsrfField, ErrorSummary, Field } from "./form-fields.tsx";

export function LoginPage(props: {
  site: SiteContext;
  email?: string;
  error?: string | undefined;
  notice?: string | undefined;
}) {
  const errors = props.error ? [{ id: "email", message: props.error }] : [];
  return (
    <BackofficePage site={props.site} title="Connexion" hasErrors={errors.length > 0} flash={props.notice}>
      <h1>Connexion à l'espace agents</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/connexion" class="bo-form" novalidate>
        <CsrfField token={props.site.csrfToken} />
        <Field id="email" label="Adresse électronique" required>
          {(describedBy) => (
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              spellcheck={false}
              required
              maxlength={254}
              value={props.email ?? ""}
              aria-describedby={describedBy}
              aria-invalid={props.error ? "true" : undefined}
            />
          )}
        </Field>
        <Field id="password" label="Mot de passe" required>
          {(describedBy) => (
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxlength={1000}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <button type="submit">Se connecter</button>
      </form>
    </BackofficePage>
  );
}
