import type { AgentRole, ManagedAgent } from "../../../domains/identity/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, type FieldError } from "../form-fields.tsx";
import { AdminNav } from "./admin-nav.tsx";
import { ADMIN_AGENTS_PATH, agentOidcUnlinkPath, agentPath } from "./labels.ts";
import { RoleCheckboxes } from "./role-checkboxes.tsx";

export const AGENT_ROLES_FIELD_ID = "roles";
export const AGENT_STATUS_FIELD_ID = "statut";

/** One account: its roles, and disabling or enabling it. */
export function AgentPage(props: {
  site: SiteContext;
  agent: ManagedAgent;
  teams: string[];
  isSelf: boolean;
  roles?: AgentRole[];
  error?: FieldError | undefined;
  flash?: string | undefined;
}) {
  const { agent, error } = props;
  const path = agentPath(agent.id);
  return (
    <BackofficePage
      site={props.site}
      title={`Compte de ${agent.displayName}`}
      hasErrors={error !== undefined}
      flash={props.flash}
    >
      <AdminNav current="agents" />
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Compte de {agent.displayName}</h1>
      <dl>
        <dt>Adresse électronique</dt>
        <dd>{agent.email}</dd>
        <dt>Statut</dt>
        <dd>{agent.active ? "Actif" : "Désactivé : ne peut plus se connecter"}</dd>
        <dt>Équipes</dt>
        <dd>{props.teams.length > 0 ? props.teams.join(", ") : "Aucune"}</dd>
      </dl>
      <section aria-labelledby="compte-roles-titre">
        <h2 id="compte-roles-titre">Rôles</h2>
        <form method="post" action={`${path}/roles`} class="desk-form">
          <CsrfField token={props.site.csrfToken} />
          <RoleCheckboxes
            idPrefix={AGENT_ROLES_FIELD_ID}
            checked={props.roles ?? agent.roles}
            error={error?.id === AGENT_ROLES_FIELD_ID ? error.message : undefined}
          />
          <button type="submit">Enregistrer les rôles</button>
        </form>
      </section>
      <section aria-labelledby={AGENT_STATUS_FIELD_ID}>
        <h2 id={AGENT_STATUS_FIELD_ID} tabindex={-1}>
          Accès
        </h2>
        {props.isSelf ? (
          <p>C'est votre compte : un autre administrateur peut le désactiver.</p>
        ) : (
          <form method="post" action={`${path}/statut`}>
            <CsrfField token={props.site.csrfToken} />
            <input type="hidden" name="action" value={agent.active ? "desactiver" : "reactiver"} />
            <p class="form-hint">
              {agent.active
                ? "Un compte désactivé ne peut plus se connecter ; ses sessions en cours prennent fin."
                : "Le compte pourra de nouveau se connecter avec son mot de passe."}
            </p>
            <button type="submit" class="secondary">
              {agent.active ? "Désactiver le compte" : "Réactiver le compte"}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="compte-oidc-titre">
        <h2 id="compte-oidc-titre">Fournisseur d'identité</h2>
        {agent.oidcIssuer ? (
          <>
            <p>
              Ce compte est associé à une identité chez le fournisseur {agent.oidcIssuer} : l'agent s'y
              connecte avec elle.
            </p>
            <p>
              <a href={agentOidcUnlinkPath(agent.id)}>Dissocier cette identité…</a>
            </p>
          </>
        ) : (
          <p>
            Aucune identité associée. À sa première connexion par le fournisseur d'identité, l'agent y sera
            associé par son adresse électronique vérifiée.
          </p>
        )}
      </section>
      <p>
        <a href={ADMIN_AGENTS_PATH}>Retour à la liste des comptes</a>
      </p>
    </BackofficePage>
  );
}

/** Confirmation before unlinking the account's OpenID Connect identity. */
export function AgentOidcUnlinkPage(props: { site: SiteContext; agent: ManagedAgent }) {
  const { agent } = props;
  return (
    <BackofficePage site={props.site} title={`Dissocier l'identité du compte de ${agent.displayName}`}>
      <AdminNav current="agents" />
      <h1>Dissocier l'identité du compte de {agent.displayName} ?</h1>
      <div class="notice warning">
        <p>
          Le compte ne sera plus lié à son identité chez le fournisseur {agent.oidcIssuer}. À la prochaine
          connexion par le fournisseur, Guichet l'associera à l'identité qui présente l'adresse vérifiée{" "}
          {agent.email}. Le compte, ses rôles et son mot de passe éventuel ne changent pas.
        </p>
      </div>
      <form method="post" action={agentOidcUnlinkPath(agent.id)} class="bo-form">
        <CsrfField token={props.site.csrfToken} />
        <button type="submit" class="danger">
          Dissocier l'identité
        </button>{" "}
        <a href={agentPath(agent.id)}>Annuler et revenir au compte</a>
      </form>
    </BackofficePage>
  );
}
