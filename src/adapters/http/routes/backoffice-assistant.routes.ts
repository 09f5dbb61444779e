/** The assistant's side of the back office: questions it could not answer, for editors. */
import type { FastifyInstance } from "fastify";
import {
  createFaqFromUnanswered,
  dismissUnanswered,
  listUnansweredQuestions,
} from "../../../domains/assistant/index.ts";
import { isAppError } from "../../../shared/app-error.ts";
import { UNANSWERED_PATH, unansweredView } from "../../../web/backoffice/assistant/unanswered-page.tsx";
import { itemPath } from "../../../web/backoffice/labels.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireEditor, takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";

function ids(body: unknown): string[] {
  const value = (body as Record<string, unknown> | undefined)?.ids;
  return typeof value === "string"
    ? value
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean)
    : [];
}

export function registerBackofficeAssistantRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const route = UNANSWERED_PATH.replace("/admin", "");

  scope.get(route, async (request, reply) => {
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    const groups = await listUnansweredQuestions(deps.db, { organisationId });
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, unansweredView({ site, groups, flash: takeFlash(request) }));
  });

  scope.post(`${route}/faq`, async (request, reply) => {
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    try {
      const item = await createFaqFromUnanswered(deps.db, {
        organisationId,
        ids: ids(request.body),
        actor: { id: agent.id, roles: agent.roles },
        clock: deps.clock,
      });
      request.log.info({ itemId: item.id, agentId: agent.id }, "faq draft created from unanswered questions");
      request.session.flash =
        "Brouillon de FAQ créé à partir de ces questions : rédigez la réponse, puis publiez-la.";
      return reply.redirect(itemPath("faq", item.id), 303);
    } catch (error) {
      if (!isAppError(error) || error.code !== "CONFLICT") throw error;
      request.session.flash = error.userMessage;
      return reply.redirect(UNANSWERED_PATH, 303);
    }
  });

  scope.post(`${route}/ecarter`, async (request, reply) => {
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    try {
      const count = await dismissUnanswered(deps.db, {
        organisationId,
        ids: ids(request.body),
        actor: { id: agent.id, roles: agent.roles },
        clock: deps.clock,
      });
      request.log.info({ count, agentId: agent.id }, "unanswered questions dismissed");
      request.session.flash = `${count} question${count > 1 ? "s écartées" : " écartée"}.`;
    } catch (error) {
      if (!isAppError(error) || error.code !== "CONFLICT") throw error;
      request.session.flash = error.userMessage;
    }
    return reply.redirect(UNANSWERED_PATH, 303);
  });
}
