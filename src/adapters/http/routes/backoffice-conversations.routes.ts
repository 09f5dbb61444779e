/**
 * The conversations with the assistant in the back office: the list behind the dashboard's figures
 * (desk agents and admins, metadata only) and one transcript (admins, audited). Conversations are
 * named by their handle, never by their id (the citizen's key).
 */
import type { FastifyInstance } from "fastify";
import {
  type ConversationListPage,
  canReadTranscripts,
  findTopicTitles,
  getConversationTranscript,
  listConversations,
} from "../../../domains/commitments/needs/index.ts";
import { isAppError } from "../../../shared/app-error.ts";
import { conversationsView } from "../../../web/backoffice/conversations/conversations-page.tsx";
import {
  conversationFilters,
  parseConversationsQuery,
} from "../../../web/backoffice/conversations/conversations-query.ts";
import { transcriptView } from "../../../web/backoffice/conversations/transcript-page.tsx";
import { CONVERSATIONS_PATH } from "../../../web/backoffice/needs/needs-labels.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import { requireNeedsReader } from "./backoffice-needs.routes.ts";

export function registerBackofficeConversationsRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const route = CONVERSATIONS_PATH.replace("/admin", "");
  const retentionDays = deps.config.retention.conversationsDays;

  scope.get(route, async (request, reply) => {
    const agent = await requireNeedsReader(deps, request, reply);
    if (!agent) return reply;
    const query = parseConversationsQuery((request.query ?? {}) as Record<string, unknown>);
    const site = await backofficeSite(deps, request, reply, agent);
    let page: ConversationListPage;
    try {
      page = await listConversations(deps.db, {
        organisationId,
        filters: conversationFilters(query),
        cursor: query.apres ?? null,
      });
    } catch (error) {
      if (!isAppError(error) || error.code !== "BAD_REQUEST") throw error;
      const props = {
        site,
        query,
        titles: new Map(),
        canReadTranscripts: canReadTranscripts(agent),
        retentionDays,
      };
      return sendPage(reply, conversationsView({ ...props, error: error.userMessage }), 400);
    }
    const titles = await findTopicTitles(deps.db, {
      organisationId,
      keys: page.items.map((item) => item.topic),
    });
    return sendPage(
      reply,
      conversationsView({
        site,
        query,
        page,
        titles,
        canReadTranscripts: canReadTranscripts(agent),
        retentionDays,
      }),
    );
  });

  scope.get(`${route}/:handle`, async (request, reply) => {
    // Any signed-in agent gets this far; the use case refuses non-admins (403) and writes the audit row.
    const agent = await requireAgent(deps, request, reply);
    if (!agent) return reply;
    const { handle } = request.params as { handle: string };
    const transcript = await getConversationTranscript(deps.assistant, {
      organisationId,
      handle,
      actor: { id: agent.id, roles: agent.roles },
      clock: deps.clock,
    });
    const titles = await findTopicTitles(deps.db, { organisationId, keys: [transcript.topic] });
    request.log.info({ agentId: agent.id, conversation: handle }, "conversation transcript viewed");
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(
      reply,
      transcriptView({ site, transcript, topicTitle: titles.get(transcript.topic) ?? null, retentionDays }),
    );
  });
}
