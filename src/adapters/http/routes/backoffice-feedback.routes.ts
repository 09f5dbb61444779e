/**
 * Feedback in the back office: the testimonial moderation queue and page (approve, reject, edit out
 * personal data, draft a reply, validate it as a supervisor, flag an improvement), improvement actions
 * and the suggestion box. Registered inside the back-office scope: session, CSRF and error pages shared.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { listDeskAgents } from "../../../domains/desk/index.ts";
import {
  changeImprovementActionStatus,
  changeSuggestionStatus,
  createImprovementAction,
  getImprovementActionForAgent,
  linkFeedbackToAction,
  listImprovementActions,
  listSuggestions,
  updateImprovementAction,
} from "../../../domains/feedback/actions/index.ts";
import {
  approveTestimonial,
  draftTestimonialReply,
  editTestimonialText,
  type FeedbackActor,
  flagImprovement,
  getTestimonialForAgent,
  listModerationQueue,
  publishWithoutReply,
  rejectTestimonial,
  unpublishTestimonial,
  validateTestimonialReply,
} from "../../../domains/feedback/testimonials/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import type { ImprovementActionStatus, TestimonialStatus } from "../../../shared/database.ts";
import {
  ACTIONS_PATH,
  actionPath,
  MODERATION_PATH,
  NEW_ACTION_PATH,
  SUGGESTIONS_PATH,
  testimonialPath,
} from "../../../web/backoffice/feedback/paths.ts";
import {
  type ActionFormValues,
  actionsListView,
  actionView,
  moderationQueueView,
  suggestionsView,
  type TestimonialPageValues,
  testimonialView,
} from "../../../web/backoffice/feedback/views.tsx";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import { requireDeskAgent } from "./backoffice-cases.routes.ts";

const route = (path: string) => path.replace("/admin", "");

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

const actorOf = (agent: Agent): FeedbackActor => ({ id: agent.id, roles: agent.roles });

/** A refusal the agent can act on from the same page (bad input, a stale page, a four-eyes refusal). */
function isPageRefusal(error: unknown): error is AppError {
  return isAppError(error) && ["BAD_REQUEST", "CONFLICT", "FORBIDDEN"].includes(error.code);
}

function errorOn(error: AppError, fallback: string): FieldError[] {
  const id = typeof error.details?.field === "string" ? error.details.field : fallback;
  return [{ id, message: error.userMessage }];
}

const STATUS_FILTERS: TestimonialStatus[] = ["publie", "rejete", "a_moderer", "approuve"];
const ACTION_STATUSES: ImprovementActionStatus[] = ["envisagee", "en_cours", "realisee", "abandonnee"];

export function registerBackofficeFeedbackRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const clock = deps.clock;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  // ---- testimonials -------------------------------------------------------------------------------
  scope.get(route(MODERATION_PATH), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const wanted = (request.query as Record<string, unknown>).etat;
    const filter = STATUS_FILTERS.find((s) => s === wanted);
    const entries = await listModerationQueue(deps.db, {
      organisationId,
      ...(filter ? { statuses: [filter] } : {}),
    });
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(
      reply,
      moderationQueueView({ site, entries, filter: filter ?? "", flash: takeFlash(request) }),
    );
  });

  const renderTestimonial = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agent: Agent,
    extra: { values?: Partial<TestimonialPageValues>; errors?: FieldError[] } = {},
    status = 200,
  ) => {
    const testimonial = await getTestimonialForAgent(deps.db, {
      organisationId,
      testimonialId: idOf(request),
    });
    const site = await backofficeSite(deps, request, reply, agent);
    const viewer = { id: agent.id, supervisor: agent.roles.includes("admin") };
    return sendPage(
      reply,
      testimonialView({ site, testimonial, viewer, flash: takeFlash(request), ...extra }),
      status,
    );
  };

  scope.get(`${route(MODERATION_PATH)}/:id`, async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    return renderTestimonial(request, reply, agent);
  });

  /** One POST on a testimonial: the use case, then back to its page with a notice, or the page with the error. */
  const testimonialPost = (
    suffix: string,
    options: {
      run: (input: { agent: Agent; id: string; body: unknown }) => Promise<unknown>;
      flash: string;
      anchor: string;
      keep?: (body: unknown) => Partial<TestimonialPageValues>;
    },
  ) =>
    scope.post(`${route(MODERATION_PATH)}/:id/${suffix}`, async (request, reply) => {
      const agent = await requireDeskAgent(deps, request, reply);
      if (!agent) return reply;
      const id = idOf(request);
      try {
        await options.run({ agent, id, body: request.body });
      } catch (error) {
        if (!isPageRefusal(error)) throw error;
        request.log.info({ testimonialId: id, code: error.code, step: suffix }, "testimonial change refused");
        const values = options.keep?.(request.body) ?? {};
        return renderTestimonial(
          request,
          reply,
          agent,
          { values, errors: errorOn(error, options.anchor) },
          httpStatusOf(error.code),
        );
      }
      request.log.info({ testimonialId: id, agentId: agent.id, step: suffix }, "testimonial changed");
      request.session.flash = options.flash;
      return reply.redirect(testimonialPath(id), 303);
    });

  const base = (agent: Agent, id: string) => ({
    db: deps.db,
    organisationId,
    testimonialId: id,
    actor: actorOf(agent),
    clock,
  });
  testimonialPost("approuver", {
    run: ({ agent, id }) => approveTestimonial(base(agent, id)),
    flash: "Témoignage approuvé. Rédigez une réponse, ou publiez-le sans réponse.",
    anchor: "moderation",
  });
  testimonialPost("rejeter", {
    run: ({ agent, id, body }) => rejectTestimonial({ ...base(agent, id), reason: field(body, "motif") }),
    flash: "Témoignage rejeté : il ne sera pas publié.",
    anchor: "motif",
    keep: (body) => ({ motif: field(body, "motif") }),
  });
  testimonialPost("texte", {
    run: ({ agent, id, body }) =>
      editTestimonialText({ ...base(agent, id), title: field(body, "titre"), story: field(body, "recit") }),
    flash: "Texte enregistré.",
    anchor: "recit",
    keep: (body) => ({ titre: field(body, "titre"), recit: field(body, "recit") }),
  });
  testimonialPost("reponse", {
    run: ({ agent, id, body }) => draftTestimonialReply({ ...base(agent, id), text: field(body, "reponse") }),
    flash: "Projet de réponse enregistré. Un superviseur doit le valider pour publier le témoignage.",
    anchor: "reponse",
    keep: (body) => ({ reponse: field(body, "reponse") }),
  });
  testimonialPost("valider", {
    run: ({ agent, id }) =>
      validateTestimonialReply({ ...base(agent, id), publicUrl: deps.config.publicUrl }),
    flash: "Réponse validée : le témoignage et sa réponse sont publiés.",
    anchor: "reponse",
  });
  testimonialPost("publier-sans-reponse", {
    run: ({ agent, id }) => publishWithoutReply({ ...base(agent, id), publicUrl: deps.config.publicUrl }),
    flash: "Témoignage publié sans réponse.",
    anchor: "reponse-titre",
  });
  testimonialPost("retirer", {
    run: ({ agent, id }) => unpublishTestimonial(base(agent, id)),
    flash: "Témoignage retiré de la publication ; sa réponse est revenue en projet.",
    anchor: "reponse-titre",
  });

  scope.post(`${route(MODERATION_PATH)}/:id/amelioration`, async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const result = await flagImprovement(deps.db, {
      organisationId,
      testimonialId: idOf(request),
      actor: actorOf(agent),
      clock,
    });
    request.log.info(
      { testimonialId: idOf(request), actionId: result.actionId, created: result.created },
      "improvement flagged",
    );
    request.session.flash = result.created
      ? "Action d'amélioration créée à partir du témoignage : précisez-la."
      : "Ce témoignage a déjà son action d'amélioration.";
    return reply.redirect(actionPath(result.actionId), 303);
  });

  // ---- improvement actions ------------------------------------------------------------------------
  const agentsOf = async () =>
    (await listDeskAgents(deps.db, { organisationId }))
      .filter((a) => a.active)
      .map((a) => ({ id: a.id, displayName: a.displayName }));
  const actionValues = (body: unknown): ActionFormValues => ({
    titre: field(body, "titre"),
    description: field(body, "description"),
    resultat: field(body, "resultat"),
    responsable: field(body, "responsable"),
  });

  scope.get(route(ACTIONS_PATH), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const actions = await listImprovementActions(deps.db, { organisationId });
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, actionsListView({ site, actions, flash: takeFlash(request) }));
  });

  scope.get(route(NEW_ACTION_PATH), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const site = await backofficeSite(deps, request, reply, agent);
    const values = { titre: "", description: "", resultat: "", responsable: "" };
    return sendPage(reply, actionView({ site, agents: await agentsOf(), values, errors: [] }));
  });

  scope.post(route(ACTIONS_PATH), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const values = actionValues(request.body);
    const result = await createImprovementAction(deps.db, {
      organisationId,
      form: values,
      actor: actorOf(agent),
      clock,
    });
    if (!result.ok) {
      const site = await backofficeSite(deps, request, reply, agent);
      const errors = result.errors.map((e) => ({ id: e.field, message: e.message }));
      return sendPage(reply, actionView({ site, agents: await agentsOf(), values, errors }), 400);
    }
    request.log.info({ actionId: result.id, agentId: agent.id }, "improvement action created");
    request.session.flash = "Action créée.";
    return reply.redirect(actionPath(result.id), 303);
  });

  const renderAction = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agent: Agent,
    extra: { values?: ActionFormValues; errors?: FieldError[] } = {},
    status = 200,
  ) => {
    const action = await getImprovementActionForAgent(deps.db, { organisationId, actionId: idOf(request) });
    const site = await backofficeSite(deps, request, reply, agent);
    const values = extra.values ?? {
      titre: action.title,
      description: action.description,
      resultat: action.outcome,
      responsable: action.ownerId ?? "",
    };
    return sendPage(
      reply,
      actionView({
        site,
        action,
        agents: await agentsOf(),
        values,
        errors: extra.errors ?? [],
        flash: takeFlash(request),
      }),
      status,
    );
  };

  scope.get(`${route(ACTIONS_PATH)}/:id`, async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    return renderAction(request, reply, agent);
  });

  scope.post(`${route(ACTIONS_PATH)}/:id`, async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const values = actionValues(request.body);
    const result = await updateImprovementAction(deps.db, {
      organisationId,
      actionId: idOf(request),
      form: values,
      actor: actorOf(agent),
      clock,
    });
    if (!result.ok)
      return renderAction(
        request,
        reply,
        agent,
        { values, errors: result.errors.map((e) => ({ id: e.field, message: e.message })) },
        400,
      );
    request.session.flash = "Modifications enregistrées.";
    return reply.redirect(actionPath(idOf(request)), 303);
  });

  scope.post(`${route(ACTIONS_PATH)}/:id/statut`, async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const to = ACTION_STATUSES.find((s) => s === field(request.body, "statut"));
    try {
      if (!to) throw new AppError("BAD_REQUEST", { message: "unknown action status" });
      const { changed } = await changeImprovementActionStatus(deps.db, {
        organisationId,
        actionId: idOf(request),
        to,
        actor: actorOf(agent),
        clock,
      });
      request.log.info({ actionId: idOf(request), to, changed }, "improvement action status");
      request.session.flash = "Statut mis à jour.";
    } catch (error) {
      if (!isPageRefusal(error)) throw error;
      return renderAction(
        request,
        reply,
        agent,
        { errors: errorOn(error, "statut") },
        httpStatusOf(error.code),
      );
    }
    return reply.redirect(actionPath(idOf(request)), 303);
  });

  scope.post(`${route(ACTIONS_PATH)}/:id/references`, async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    try {
      await linkFeedbackToAction(deps.db, {
        organisationId,
        actionId: idOf(request),
        source: {
          kind: "reference",
          reference: field(request.body, "reference"),
          quote: field(request.body, "citation"),
        },
        actor: actorOf(agent),
        clock,
      });
    } catch (error) {
      if (!isPageRefusal(error)) throw error;
      return renderAction(
        request,
        reply,
        agent,
        { errors: errorOn(error, "reference").map((e) => ({ ...e, id: "reference" })) },
        httpStatusOf(error.code),
      );
    }
    request.session.flash = "Référence ajoutée.";
    return reply.redirect(`${actionPath(idOf(request))}#sources`, 303);
  });

  // ---- suggestions --------------------------------------------------------------------------------
  scope.get(route(SUGGESTIONS_PATH), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const [suggestions, actions] = await Promise.all([
      listSuggestions(deps.db, { organisationId }),
      listImprovementActions(deps.db, { organisationId }),
    ]);
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, suggestionsView({ site, suggestions, actions, flash: takeFlash(request) }));
  });

  for (const [suffix, move] of [
    ["classer", "file"],
    ["rouvrir", "reopen"],
  ] as const)
    scope.post(`${route(SUGGESTIONS_PATH)}/:id/${suffix}`, async (request, reply) => {
      const agent = await requireDeskAgent(deps, request, reply);
      if (!agent) return reply;
      try {
        await changeSuggestionStatus(deps.db, {
          organisationId,
          suggestionId: idOf(request),
          move,
          actor: actorOf(agent),
          clock,
        });
        request.session.flash = move === "file" ? "Suggestion classée." : "Suggestion rouverte.";
      } catch (error) {
        if (!isPageRefusal(error)) throw error;
        request.session.flash = error.userMessage;
      }
      return reply.redirect(SUGGESTIONS_PATH, 303);
    });

  scope.post(`${route(SUGGESTIONS_PATH)}/:id/action`, async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const suggestionId = idOf(request);
    const target = field(request.body, "action");
    const source = { kind: "suggestion" as const, suggestionId };
    if (target === "nouvelle") {
      const suggestion = (await listSuggestions(deps.db, { organisationId })).find(
        (s) => s.id === suggestionId,
      );
      const created = await createImprovementAction(deps.db, {
        organisationId,
        actor: actorOf(agent),
        clock,
        form: {
          titre: `Suggestion : ${suggestion?.topic ?? "idée d'un usager"}`.slice(0, 150),
          description: "Piste ouverte à partir d'une suggestion de la boîte à idées. À préciser.",
        },
        sources: [source],
      });
      if (!created.ok) throw new Error("action from suggestion invalid");
      request.session.flash = "Action créée à partir de la suggestion : précisez-la.";
      return reply.redirect(actionPath(created.id), 303);
    }
    try {
      await linkFeedbackToAction(deps.db, {
        organisationId,
        actionId: target,
        source,
        actor: actorOf(agent),
        clock,
      });
      request.session.flash = "Suggestion rattachée à l'action.";
    } catch (error) {
      if (!isPageRefusal(error)) throw error;
      request.session.flash = error.userMessage;
    }
    return reply.redirect(SUGGESTIONS_PATH, 303);
  });
}
