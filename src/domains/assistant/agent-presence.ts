/**
 * Whether a person can answer a chat now: agents with the back office open (its live feed refreshes
 * their presence). Stored in the database so every app process sees the same agents.
 */
import { sql } from "kysely";
import type { Db } from "../../shared/database.ts";

/** An agent seen this recently counts as available. The desk feed refreshes presence more often. */
export const PRESENCE_WINDOW_MS = 90_000;

export async function markAgentPresent(
  db: Db,
  input: { organisationId: string; agentId: string; at: Date },
): Promise<void> {
  await db
    .insertInto("agent_presence")
    .values({ organisation_id: input.organisationId, agent_id: input.agentId, seen_at: input.at })
    .onConflict((oc) =>
      oc.columns(["organisation_id", "agent_id"]).doUpdateSet({ seen_at: sql`excluded.seen_at` }),
    )
    .execute();
}

export async function markAgentAway(
  db: Db,
  input: { organisationId: string; agentId: string },
): Promise<void> {
  await db
    .deleteFrom("agent_presence")
    .where("organisation_id", "=", input.organisationId)
    .where("agent_id", "=", input.agentId)
    .execute();
}

export async function isAgentAvailable(
  db: Db,
  input: { organisationId: string; now: Date },
): Promise<boolean> {
  const row = await db
    .selectFrom("agent_presence")
    .select("agent_id")
    .where("organisation_id", "=", input.organisationId)
    .where("seen_at", ">=", new Date(input.now.getTime() - PRESENCE_WINDOW_MS))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
