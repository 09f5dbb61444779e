import { AppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import { type Agent, findAgent } from "../identity/index.ts";
import type { CaseActor } from "./case.ts";

/**
 * The acting agent must be an active agent of the organisation whose case it touches. The route
 * already knows the session's agent; checking again here keeps a wrong wiring from crossing tenants.
 */
export async function requireCaseAgent(db: Db, organisationId: string, actor: CaseActor): Promise<Agent> {
  const agent = await findAgent(db, { organisationId, agentId: actor.agentId });
  if (!agent)
    throw new AppError("FORBIDDEN", { message: `agent ${actor.agentId} not active in organisation` });
  return agent;
}

export function caseNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "case not found",
    userMessage: "Cette demande est introuvable.",
  });
}
