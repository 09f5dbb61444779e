import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, Field, type FieldError } from "../form-fields.tsx";
import { AdminNav } from "./admin-nav.tsx";
import { ADMIN_TEAMS_PATH, teamPath } from "./labels.ts";

export type TeamWithMembers = {
  id: string;
  name: string;
  members: { id: string; displayName: string; active: boolean }[];
};

export const NEW_TEAM_FIELD_ID = "equipe-nom";
export const memberFieldId = (teamId: string): string => `membre-${teamId}`;
export const teamNameFieldId = (teamId: string): string => `nom-${teamId}`;

export function TeamsPage(props: {
  site: SiteContext;
  teams: TeamWithMembers[];
  /** Active accounts, which can join a team. */
  agents: { id: string; displayName: string }[];
  newTeamName?: string;
  error?: FieldError | undefined;
  flash?: string | undefined;
}) {
  const { error } = props;
  const errorOn = (id: string) => (error?.id === id ? error.message : undefined);
  return (
    <BackofficePage site={props.site} title="Équipes" hasErrors={error !== undefined} flash={props.flash}>
      <AdminNav current="equipes" />
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Équipes</h1>
      <p>Une demande peut être confiée à une équipe ; ses membres la retrouvent dans leurs filtres.</p>
      {props.teams.length === 0 ? <p>Aucune équipe pour l'instant.</p> : null}
      {props.teams.map((team) => (
        <TeamSection team={team} agents={props.agents} site={props.site} errorOn={errorOn} />
      ))}
      <section aria-labelledby="equipe-nouvelle">
        <h2 id="equipe-nouvelle">Créer une équipe</h2>
        <form method="post" action={ADMIN_TEAMS_PATH} class="desk-form">
          <CsrfField token={props.site.csrfToken} />
          <Field id={NEW_TEAM_FIELD_ID} label="Nom de l'équipe" required error={errorOn(NEW_TEAM_FIELD_ID)}>
            {(describedBy) => (
              <input
                type="text"
                id={NEW_TEAM_FIELD_ID}
                name="name"
                value={props.newTeamName ?? ""}
                required
                maxLength={100}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <button type="submit">Créer l'équipe</button>
        </form>
      </section>
    </BackofficePage>
  );
}

function TeamSection(props: {
  team: TeamWithMembers;
  agents: { id: string; displayName: string }[];
  site: SiteContext;
  errorOn: (id: string) => string | undefined;
}) {
  const { team } = props;
  const headingId = `equipe-${team.id}`;
  const memberIds = new Set(team.members.map((m) => m.id));
  const candidates = props.agents.filter((agent) => !memberIds.has(agent.id));
  const memberField = memberFieldId(team.id);
  const nameField = teamNameFieldId(team.id);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{team.name}</h2>
      {team.members.length === 0 ? (
        <p>Aucun membre.</p>
      ) : (
        <div class="table-wrap">
          <table class="desk-inbox">
            <caption>Membres de l'équipe « {team.name} »</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((member) => (
                <tr>
                  <th scope="row">
                    {member.displayName}
                    {member.active ? null : " (compte désactivé)"}
                  </th>
                  <td>
                    <form method="post" action={`${teamPath(team.id)}/membres/${member.id}/retrait`}>
                      <CsrfField token={props.site.csrfToken} />
                      <button type="submit" class="secondary small">
                        Retirer
                        <span class="visually-hidden">
                          {" "}
                          {member.displayName} de l'équipe « {team.name} »
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {candidates.length > 0 ? (
        <form method="post" action={`${teamPath(team.id)}/membres`} class="desk-form">
          <CsrfField token={props.site.csrfToken} />
          <Field
            id={memberField}
            label={`Ajouter un membre à « ${team.name} »`}
            error={props.errorOn(memberField)}
          >
            {(describedBy) => (
              <select id={memberField} name="agentId" required aria-describedby={describedBy}>
                {candidates.map((agent) => (
                  <option value={agent.id}>{agent.displayName}</option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">Ajouter</button>
        </form>
      ) : null}
      <form method="post" action={`${teamPath(team.id)}/nom`} class="desk-form">
        <CsrfField token={props.site.csrfToken} />
        <Field id={nameField} label={`Renommer « ${team.name} »`} required error={props.errorOn(nameField)}>
          {(describedBy) => (
            <input
              type="text"
              id={nameField}
              name="name"
              value={team.name}
              required
              maxLength={100}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <button type="submit" class="secondary">
          Renommer
        </button>
      </form>
    </section>
  );
}
