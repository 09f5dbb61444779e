import type { Db } from "../../shared/database.ts";
import { type Agent, isAgentRole } from "./agent.ts";

/** An agent row as OpenID Connect sign-in needs it: disabled ones included, to refuse them clearly. */
export type OidcCandidate = {
  agent: Agent;
  disabled: boolean;
  oidcIssuer: string | null;
  oidcSubject: string | null;
};

const COLUMNS = [
  "id",
  "organisation_id",
  "email",
  "display_name",
  "roles",
  "disabled_at",
  "oidc_issuer",
  "oidc_subject",
] as const;

type Row = {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  roles: string[];
  disabled_at: Date | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
};

function toCandidate(row: Row): OidcCandidate {
  return {
    agent: {
      id: row.id,
      organisationId: row.organisation_id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles.filter(isAgentRole),
    },
    disabled: row.disabled_at !== null,
    oidcIssuer: row.oidc_issuer,
    oidcSubject: row.oidc_subject,
  };
}

export async function selectAgentByOidcIdentity(
  db: Db,
  options: { organisationId: string; issuer: string; subject: string },
): Promise<OidcCandidate | null> {
  const row = await db
    .selectFrom("agents")
    .select(COLUMNS)
    .where("organisation_id", "=", options.organisationId)
    .where("oidc_issuer", "=", options.issuer)
    .where("oidc_subject", "=", options.subject)
    .executeTakeFirst();
  return row ? toCandidate(row) : null;
}

/** `email` must already be normalised (lower case), as stored. */
export async function selectAgentByEmailForOidc(
  db: Db,
  options: { organisationId: string; email: string },
): Promise<OidcCandidate | null> {
  const row = await db
    .selectFrom("agents")
    .select(COLUMNS)
    .where("organisation_id", "=", options.organisationId)
    .where("email", "=", options.email)
    .executeTakeFirst();
  return row ? toCandidate(row) : null;
}

/** Links only an agent not linked yet, so two racing sign-ins cannot overwrite each other. */
export async function linkAgentOidcIdentity(
  db: Db,
  options: { organisationId: string; agentId: string; issuer: string; subject: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("agents")
    .set({ oidc_issuer: options.issuer, oidc_subject: options.subject, updated_at: options.now })
    .where("organisation_id", "=", options.organisationId)
    .where("id", "=", options.agentId)
    .where("oidc_subject", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Returns null when the address or the identity is already taken in the organisation. */
export async function insertOidcAgent(
  db: Db,
  values: {
    id: string;
    organisationId: string;
    email: string;
    displayName: string;
    issuer: string;
    subject: string;
    now: Date;
  },
): Promise<Agent | null> {
  const row = await db
    .insertInto("agents")
    .values({
      id: values.id,
      organisation_id: values.organisationId,
      email: values.email,
      display_name: values.displayName,
      roles: ["agent"],
      password_hash: null,
      oidc_issuer: values.issuer,
      oidc_subject: values.subject,
      created_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toCandidate(row).agent : null;
}
