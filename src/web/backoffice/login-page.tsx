import type { SiteContext } from "../site.ts";
import { BackofficePage } from "./backoffice-page.tsx";
import { CsrfField, ErrorSummary, Field } from "./form-fields.tsx";
import { OidcSignIn } from "./oidc-sign-in.tsx";

export function LoginPage(props: {
  site: SiteContext;
  email?: string;
  error?: string | undefined;
  notice?: string | undefined;
  /** Sign-in with the organisation's OpenID Connect provider, when configured. */
  oidc?: { label: string } | undefined;
  /** Why the last OpenID Connect sign-in did not succeed. */
  oidcError?: string | undefined;
}) {
  const errors = props.error
    ? [{ id: "email", message: props.error }]
    : props.oidcError
      ? [{ id: "connexion-oidc", message: props.oidcError }]
      : [];
  return (
    <BackofficePage site={props.site} title="Connexion" hasErrors={errors.length > 0} flash={props.notice}>
      <h1>Connexion à l'espace agents</h1>
      <ErrorSummary errors={errors} />
      {props.oidc ? <OidcSignIn label={props.oidc.label} /> : null}
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
