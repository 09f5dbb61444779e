import type { FastifyReply, FastifyRequest } from "fastify";
import { type Agent, canEditContent, findAgent } from "../../../domains/identity/index.ts";
import { EDITOR_ROLE_REQUIRED_MESSAGE } from "../../../domains/knowledge/local/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { AppDeps } from "../deps.ts";

export const LOGIN_PATH = "/admin/connexion";

const agents = new WeakMap<FastifyRequest, Agent | null>();

/**
 * The signed-in agent, read from the database on each request so a disabled account or a
 * removed role takes effect at once, in every process.
 */
export async function currentAgent(deps: AppDeps, request: FastifyRequest): Promise<Agent | null> {
  if (agents.has(request)) return agents.get(request) ?? null;
  const agentId = request.session.agentId;
  const agent = agentId ? await findAgent(deps.db, { organisationId: deps.organisation.id, agentId }) : null;
  if (agentId && !agent) request.session.agentId = undefined;
  agents.set(request, agent);
  return agent;
}

/** Signed-in agent or a redirect to the login page (returns null after redirecting). */
export async function requireAgent(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await currentAgent(deps, request);
  if (!agent) {
    await reply.redirect(LOGIN_PATH, 303);
    return null;
  }
  return agent;
}

/** Like requireAgent, and refuses (403) agents who may not edit content. */
export async function requireEditor(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !canEditContent(agent)) {
    throw new AppError("FORBIDDEN", {
      message: "editor role required",
      userMessage: EDITOR_ROLE_REQUIRED_MESSAGE,
    });
  }
  return agent;
}

export function takeFlash(request: FastifyRequest): string | undefined {
  const flash = request.session.flash;
  if (flash !== undefined) request.session.flash = undefined;
  return flash;
}
