import type { Db } from "../../shared/database.ts";
import type { Agent } from "./agent.ts";
import { normaliseEmail } from "./agent.ts";
import { selectActiveAgentById, selectActiveAgentWithHash } from "./agents.repo.ts";

/** The active agent with this id, or null (unknown, disabled, or of another organisation). */
export function findAgent(
  db: Db,
  options: { organisationId: string; agentId: string },
): Promise<Agent | null> {
  return selectActiveAgentById(db, options.organisationId, options.agentId);
}

export async function findAgentByEmail(
  db: Db,
  options: { organisationId: string; email: string },
): Promise<Agent | null> {
  const found = await selectActiveAgentWithHash(db, options.organisationId, normaliseEmail(options.email));
  return found?.agent ?? null;
}
