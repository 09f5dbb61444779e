/**
 * GET /api/v1/conversations/:id/events: what agents write to the citizen after a hand-off, live
 * (Server-Sent Events). Fed by the same PostgreSQL NOTIFY as the agents' inbox, so a reply typed in
 * the back office served by another app process still arrives. Event `agent`: { id, text, at }.
 */
import type { FastifyInstance } from "fastify";
import { listConversationEntries, loadConversation } from "../../domains/assistant/index.ts";
import { AppError } from "../../shared/app-error.ts";
import type { AppDeps } from "../http/deps.ts";
import { openEventStream } from "./event-stream.ts";
import { liveStreams } from "./live-streams.ts";

export function registerConversationEvents(
  scope: FastifyInstance,
  deps: AppDeps,
  options: { heartbeatMs?: number } = {},
): void {
  const { hub, track } = liveStreams(scope, deps);

  scope.get<{ Params: { id: string } }>(
    "/api/v1/conversations/:id/events",
    { schema: { hide: true } },
    async (request, reply) => {
      const organisationId = deps.organisation.id;
      const conversation = await loadConversation(deps.assistant, organisationId, request.params.id);
      if (!hub)
        throw new AppError("UNAVAILABLE", {
          message: "no LISTEN for this database",
          userMessage: "Les réponses en direct ne sont pas disponibles ; rechargez la conversation.",
        });
      let caseId = conversation.caseId;
      const sent = new Set<string>();
      const agentEntries = async () => {
        if (caseId === null)
          caseId = (await loadConversation(deps.assistant, organisationId, conversation.id)).caseId;
        if (caseId === null) return [];
        return (
          await listConversationEntries(deps.assistant, { organisationId, conversationId: conversation.id })
        ).filter((entry) => entry.author === "agent");
      };
      for (const entry of await agentEntries()) sent.add(entry.id);

      let unsubscribe = () => {};
      let gone = false;
      let pushing = Promise.resolve();
      const stream = openEventStream(request, reply, { heartbeatMs: options.heartbeatMs ?? 25_000 });
      track(stream);
      stream.onClose(() => {
        gone = true;
        unsubscribe();
      });
      const push = () => {
        pushing = pushing
          .then(async () => {
            for (const entry of await agentEntries()) {
              if (sent.has(entry.id) || gone) continue;
              sent.add(entry.id);
              stream.send("agent", { id: entry.id, text: entry.text, at: entry.at.toISOString() });
            }
          })
          .catch((error: unknown) => request.log.warn({ err: error }, "conversation feed read failed"));
      };
      try {
        unsubscribe = await hub.subscribe(organisationId, (event) => {
          if (event.kind !== "message") return;
          // The case may not exist yet when the stream opens (hand-off later): until it does, a new
          // case message anywhere makes this conversation look again; afterwards only its own case.
          if (caseId !== null && event.caseId !== caseId) return;
          push();
        });
      } catch (error) {
        request.log.error({ err: error }, "conversation feed LISTEN failed");
        stream.end();
        return reply;
      }
      if (gone) {
        unsubscribe();
        return reply;
      }
      stream.send("pret", {});
      // A reply committed between the first read and LISTEN would otherwise be missed.
      push();
      return reply;
    },
  );
}
