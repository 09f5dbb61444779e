import type { FastifyReply, FastifyRequest } from "fastify";
import type { Agent } from "../../../domains/identity/index.ts";
import type { SiteContext } from "../../../web/site.ts";
import type { AppDeps } from "../deps.ts";
import { siteContext } from "../site-context.ts";
import { currentAgent } from "./backoffice-auth.ts";

/** Site context of a back-office page: the signed-in agent and a CSRF token for its forms. */
export async function backofficeSite(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  agent?: Agent | null,
): Promise<SiteContext> {
  // A destroyed session (after logout) has nothing to protect and cannot hold a token.
  const hasSession =
    request.session !== null && typeof request.session === "object" && "sessionId" in request.session;
  const signedIn = agent === undefined ? (hasSession ? await currentAgent(deps, request) : null) : agent;
  return siteContext(deps, {
    agent: signedIn
      ? { id: signedIn.id, displayName: signedIn.displayName, roles: signedIn.roles }
      : undefined,
    csrfToken: hasSession ? reply.generateCsrf() : undefined,
  });
}
