import type { Db } from "../../shared/database.ts";
import { type Agent, isAgentRole } from "./agent.ts";

type AgentRow = {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  roles: string[];
};

const AGENT_COLUMNS = ["id", "organisation_id", "email", "display_name", "roles"] as const;

function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles.filter(isAgentRole),
  };
}

/** Active agents only: a disabled account is as good as absent. */
export async function selectActiveAgentById(
  db: Db,
  organisationId: string,
  id: string,
): Promise<Agent | null> {
  const row = await db
    .selectFrom("agents")
    .select(AGENT_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return row ? toAgent(row) : null;
}

export async function selectActiveAgentWithHash(
  db: Db,
  organisationId: string,
  email: string,
): Promise<{ agent: Agent; passwordHash: string | null } | null> {
  const row = await db
    .selectFrom("agents")
    .select([...AGENT_COLUMNS, "password_hash"])
    .where("organisation_id", "=", organisationId)
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return row ? { agent: toAgent(row), passwordHash: row.password_hash } : null;
}

/** Returns null when an account with this address already exists in the organisation. */
export async function insertAgent(
  db: Db,
  values: {
    id: string;
    organisationId: string;
    email: string;
    displayName: string;
    roles: string[];
    passwordHash: string;
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
      roles: values.roles,
      password_hash: values.passwordHash,
      created_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.columns(["organisation_id", "email"]).doNothing())
    .returning(AGENT_COLUMNS)
    .executeTakeFirst();
  return row ? toAgent(row) : null;
}
