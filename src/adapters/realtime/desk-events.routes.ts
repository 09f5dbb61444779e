/**
 * GET /admin/evenements: the agent's live feed (Server-Sent Events) of case activity in its own
 * organisation — ids and kinds only, the page fetches the rest. Every heartbeat re-checks the session
 * and the account, so a logout or a disabled account ends the feed within one heartbeat.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { markAgentAway, markAgentPresent } from "../../domains/assistant/index.ts";
import { findAgent } from "../../domains/identity/index.ts";
import { AppError } from "../../shared/app-error.ts";
import type { AppDeps } from "../http/deps.ts";
import { openEventStream } from "./event-stream.ts";
import { liveStreams } from "./live-streams.ts";

export const DESK_EVENT_NAME = "demande";

type Authorise = (request: FastifyRequest, reply: FastifyReply) => Promise<{ id: string } | null>;

async function sessionStillValid(deps: AppDeps, request: FastifyRequest, agentId: string): Promise<boolean> {
  const sid = request.session.sessionId;
  const [session, agent] = await Promise.all([
    deps.db
      .selectFrom("sessions")
      .select("sid")
      .where("sid", "=", sid)
      .where("expires_at", ">", deps.clock.now())
      .executeTakeFirst(),
    findAgent(deps.db, { organisationId: deps.organisation.id, agentId }),
  ]);
  return session !== undefined && agent !== null;
}

export function registerDeskEventRoutes(
  scope: FastifyInstance,
  deps: AppDeps,
  options: { path: string; authorise: Authorise; heartbeatMs?: number },
): void {
  const { hub, track } = liveStreams(scope, deps);
  // Presence writes run beside the stream; the server waits for them before it closes the database.
  const writes = new Set<Promise<void>>();
  const presence = (request: FastifyRequest, write: Promise<void>) => {
    const tracked = write
      .catch((error: unknown) => request.log.warn({ err: error }, "agent presence update failed"))
      .finally(() => writes.delete(tracked));
    writes.add(tracked);
  };
  scope.addHook("onClose", async () => {
    await Promise.all(writes);
  });

  scope.get(options.path, async (request, reply) => {
    const agent = await options.authorise(request, reply);
    if (!agent) return reply;
    if (!hub)
      throw new AppError("UNAVAILABLE", {
        message: "no LISTEN for this database",
        userMessage: "Les mises à jour en direct ne sont pas disponibles.",
      });
    const organisationId = deps.organisation.id;
    let unsubscribe = () => {};
    let gone = false;
    let checking = false;
    const stream = openEventStream(request, reply, {
      heartbeatMs: options.heartbeatMs ?? 25_000,
      onHeartbeat: () => {
        presence(
          request,
          markAgentPresent(deps.db, { organisationId, agentId: agent.id, at: deps.clock.now() }),
        );
        if (checking) return;
        checking = true;
        sessionStillValid(deps, request, agent.id)
          .then((valid) => {
            if (!valid) stream.end();
          })
          .catch((error: unknown) => request.log.warn({ err: error }, "desk feed session check failed"))
          .finally(() => {
            checking = false;
          });
      },
    });
    track(stream);
    stream.onClose(() => {
      gone = true;
      unsubscribe();
      presence(request, markAgentAway(deps.db, { organisationId, agentId: agent.id }));
      request.log.info({ agentId: agent.id }, "desk feed closed");
    });
    try {
      unsubscribe = await hub.subscribe(organisationId, (event) => stream.send(DESK_EVENT_NAME, event));
    } catch (error) {
      request.log.error({ err: error }, "desk feed LISTEN failed");
      stream.end();
      return reply;
    }
    if (gone) {
      unsubscribe();
      return reply;
    }
    // The agent can now answer chats live: the assistant tells citizens asking for a person.
    await markAgentPresent(deps.db, { organisationId, agentId: agent.id, at: deps.clock.now() });
    // Sent once listening (and present): a client that reads this line misses nothing committed afterwards.
    stream.send("pret", {});
    request.log.info({ agentId: agent.id }, "desk feed opened");
    return reply;
  });
}
