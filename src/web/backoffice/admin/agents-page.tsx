import type { AgentRole, ManagedAgent } from "../../../domains/identity/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, Field, type FieldError } from "../form-fields.tsx";
import { AdminNav } from "./admin-nav.tsx";
import { ADMIN_AGENTS_PATH, agentPath, ROLE_LABELS } from "./labels.ts";
import { RoleCheckboxes } from "./role-checkboxes.tsx";

export type NewAgentForm = { email?: string; name?: string; roles?: AgentRole[] };

/** Ids of the creation form's fields, for the error summary's links. */
export const NEW_AGENT_FIELD_IDS = {
  email: "compte-email",
  displayName: "compte-nom",
  roles: "compte-roles",
  password: "compte-mot-de-passe",
} as const;

export const rolesText = (roles: readonly AgentRole[]): string =>
  roles.map((role) => ROLE_LABELS[role].label).join(", ");

export function AgentsPage(props: {
  site: SiteContext;
  agents: ManagedAgent[];
  teamsByAgent: Map<string, string[]>;
  minPasswordLength: number;
  form?: NewAgentForm;
  error?: FieldError | undefined;
  flash?: string | undefined;
}) {
  const { error } = props;
  const errorOn = (id: string) => (error?.id === id ? error.message : undefined);
  const ids = NEW_AGENT_FIELD_IDS;
  return (
    <BackofficePage
      site={props.site}
      title="Comptes des agents"
      hasErrors={error !== undefined}
      flash={props.flash}
    >
      <AdminNav current="agents" />
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Comptes des agents</h1>
      <div class="table-wrap">
        <table class="desk-inbox">
          <caption>Comptes de l'organisation, par nom</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Rôles</th>
              <th scope="col">Statut</th>
              <th scope="col">Équipes</th>
            </tr>
          </thead>
          <tbody>
            {props.agents.map((agent) => {
              const teams = props.teamsByAgent.get(agent.id) ?? [];
              return (
                <tr>
                  <th scope="row">
                    <a href={agentPath(agent.id)}>
                      {agent.displayName}
                      <span class="visually-hidden"> : modifier le compte</span>
                    </a>
                  </th>
                  <td>{agent.email}</td>
                  <td>{rolesText(agent.roles)}</td>
                  <td>{agent.active ? "Actif" : "Désactivé"}</td>
                  <td>{teams.length > 0 ? teams.join(", ") : <span class="desk-none">Aucune</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="compte-nouveau">
        <h2 id="compte-nouveau">Créer un compte</h2>
        <form method="post" action={ADMIN_AGENTS_PATH} class="desk-form">
          <CsrfField token={props.site.csrfToken} />
          <Field id={ids.email} label="Adresse électronique" required error={errorOn(ids.email)}>
            {(describedBy) => (
              <input
                type="email"
                id={ids.email}
                name="email"
                autocomplete="off"
                value={props.form?.email ?? ""}
                required
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <Field id={ids.displayName} label="Nom affiché" required error={errorOn(ids.displayName)}>
            {(describedBy) => (
              <input
                type="text"
                id={ids.displayName}
                name="name"
                value={props.form?.name ?? ""}
                required
                maxLength={100}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <RoleCheckboxes idPrefix={ids.roles} checked={props.form?.roles ?? []} error={errorOn(ids.roles)} />
          <Field
            id={ids.password}
            label="Mot de passe initial"
            hint={`Au moins ${props.minPasswordLength} caractères. Transmettez-le à l'agent par un moyen sûr.`}
            required
            error={errorOn(ids.password)}
          >
            {(describedBy) => (
              <input
                type="password"
                id={ids.password}
                name="password"
                autocomplete="new-password"
                minLength={props.minPasswordLength}
                required
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <button type="submit">Créer le compte</button>
        </form>
      </section>
    </BackofficePage>
  );
}
