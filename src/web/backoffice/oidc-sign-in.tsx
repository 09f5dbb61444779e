/**
 * The OpenID Connect button of the login page: a plain link (GET starts the flow), so it works
 * without JavaScript. The heading below it introduces the password form as the other way in.
 */
export function OidcSignIn(props: { label: string }) {
  return (
    <>
      <div class="bo-oidc">
        <a class="button bo-oidc-button" id="connexion-oidc" href="/admin/connexion/oidc">
          {props.label}
        </a>
      </div>
      <h2 class="bo-oidc-separator">Ou avec votre adresse électronique et un mot de passe</h2>
    </>
  );
}
