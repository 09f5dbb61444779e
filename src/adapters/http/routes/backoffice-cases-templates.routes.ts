/** Saved answer templates of the desk: list, add, delete (agents and administrators). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  createAnswerTemplate,
  deleteAnswerTemplate,
  listAnswerTemplates,
} from "../../../domains/desk/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { TEMPLATES_PATH } from "../../../web/backoffice/cases/labels.ts";
import { templatesView } from "../../../web/backoffice/cases/views.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";

type RequireDeskAgent = (
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<Agent | null>;

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

export function registerAnswerTemplateRoutes(
  scope: FastifyInstance,
  deps: AppDeps,
  options: { requireDeskAgent: RequireDeskAgent },
): void {
  const organisationId = deps.organisation.id;
  const route = TEMPLATES_PATH.replace("/admin", "");

  scope.get(route, async (request, reply) => {
    const agent = await options.requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const templates = await listAnswerTemplates(deps.db, { organisationId });
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, templatesView({ site, templates, flash: takeFlash(request) }));
  });

  scope.post(route, async (request, reply) => {
    const agent = await options.requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const form = { titre: field(request.body, "titre"), texte: field(request.body, "texte") };
    try {
      const template = await createAnswerTemplate(deps.db, {
        organisationId,
        title: form.titre,
        body: form.texte,
        actorId: agent.id,
        clock: deps.clock,
      });
      request.log.info({ templateId: template.id, agentId: agent.id }, "answer template created");
      request.session.flash = `Modèle « ${template.title} » enregistré.`;
      return reply.redirect(TEMPLATES_PATH, 303);
    } catch (error) {
      if (!isAppError(error) || (error.code !== "BAD_REQUEST" && error.code !== "CONFLICT")) throw error;
      const templates = await listAnswerTemplates(deps.db, { organisationId });
      const site = await backofficeSite(deps, request, reply, agent);
      const id = error.details?.field === "body" ? "modele-texte" : "titre";
      return sendPage(
        reply,
        templatesView({ site, templates, form, error: { id, message: error.userMessage } }),
        httpStatusOf(error.code),
      );
    }
  });

  scope.post(`${route}/:id/suppression`, async (request, reply) => {
    const agent = await options.requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const deleted = await deleteAnswerTemplate(deps.db, {
      organisationId,
      id: (request.params as { id: string }).id,
      actorId: agent.id,
    });
    request.log.info({ templateId: deleted.id, agentId: agent.id }, "answer template deleted");
    request.session.flash = `Modèle « ${deleted.title} » supprimé.`;
    return reply.redirect(TEMPLATES_PATH, 303);
  });
}
