/**
 * The agents' desk in the back office: inbox, case page and its actions, phone/counter cases, answer
 * templates, attachments and the live feed. Registered inside the back-office scope, so it shares its
 * session, CSRF check and error pages. Handlers parse, call the cases use cases, and render or redirect.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { suggestAnswers } from "../../../domains/assistant/index.ts";
import {
  type AgentCaseView,
  addInternalNote,
  assignCase,
  changeCaseStatus,
  getCaseAttachmentForAgent,
  getCaseForAgent,
  isCaseStatus,
  listInbox,
  listTeams,
  mergeCases,
  openCase,
  replyToCase,
} from "../../../domains/cases/index.ts";
import { listCaseEmails, listRejectedInbound } from "../../../domains/channels/email/index.ts";
import {
  findCaseIdByReference,
  findCaseReference,
  getAnswerTemplate,
  listAnswerTemplates,
  listDeskAgents,
} from "../../../domains/desk/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import type { CaseFormState } from "../../../web/backoffice/cases/case-form-state.ts";
import { errorFieldId } from "../../../web/backoffice/cases/case-form-state.ts";
import { inboxFilters, parseInboxQuery } from "../../../web/backoffice/cases/inbox-query.ts";
import {
  AGENT_LOGGED_CHANNELS,
  type AgentLoggedChannel,
  type CaseAction,
  casePath,
  EVENTS_PATH,
  INBOX_PATH,
  LIVE_SCRIPT_PATH,
  NEW_CASE_PATH,
  REJECTED_EMAILS_PATH,
} from "../../../web/backoffice/cases/labels.ts";
import { NEW_CASE_FIELD_IDS, type NewCaseForm } from "../../../web/backoffice/cases/new-case-page.tsx";
import {
  caseView,
  inboxView,
  mergeConfirmView,
  newCaseView,
  rejectedEmailsView,
} from "../../../web/backoffice/cases/views.tsx";
import { registerDeskEventRoutes } from "../../realtime/desk-events.routes.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent, takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import { registerReplyFormParser, replyFilesOf } from "./backoffice-cases-reply-form.ts";
import { registerAnswerTemplateRoutes } from "./backoffice-cases-templates.routes.ts";

export const DESK_ROLE_REQUIRED_MESSAGE =
  "Les demandes des usagers sont réservées aux agents d'accueil et aux administrateurs. Demandez le rôle « agent » à un administrateur.";

export function handlesCases(agent: Pick<Agent, "roles">): boolean {
  return agent.roles.includes("agent") || agent.roles.includes("admin");
}

/** Signed-in agent who may handle cases; redirects to login (null) or refuses (403). */
export async function requireDeskAgent(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !handlesCases(agent))
    throw new AppError("FORBIDDEN", {
      message: "agent role required",
      userMessage: DESK_ROLE_REQUIRED_MESSAGE,
    });
  return agent;
}

type Body = Record<string, unknown>;

function field(body: unknown, name: string): string {
  const value = (body as Body | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

function caseNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "case not found",
    userMessage: "Cette demande est introuvable.",
  });
}

/** A refusal the agent can fix on the same page (as opposed to not found / forbidden). */
function isFormRefusal(error: unknown): error is AppError {
  return isAppError(error) && (error.code === "BAD_REQUEST" || error.code === "CONFLICT");
}

let liveScript: Promise<string> | undefined;

/** The client script, compiled once per process from its TypeScript source. */
function compileLiveScript(): Promise<string> {
  liveScript ??= (async () => {
    const { transform } = await import("esbuild");
    const source = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../../web/backoffice/cases/live-updates.client.ts"),
      "utf8",
    );
    const result = await transform(source, { loader: "ts", format: "iife", target: "es2019", minify: true });
    return result.code;
  })();
  return liveScript;
}

export async function registerBackofficeCasesRoutes(scope: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  const script = await compileLiveScript();
  const actor = (agent: Agent) => ({ agentId: agent.id });

  scope.get(LIVE_SCRIPT_PATH.replace("/admin", ""), async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").send(script),
  );

  registerDeskEventRoutes(scope, deps, {
    path: EVENTS_PATH.replace("/admin", ""),
    authorise: (request, reply) => requireDeskAgent(deps, request, reply),
  });
  registerAnswerTemplateRoutes(scope, deps, { requireDeskAgent });

  const caseIdOf = async (request: FastifyRequest): Promise<string> => {
    const { reference } = request.params as { reference: string };
    const id = await findCaseIdByReference(deps.db, { organisationId, reference });
    if (!id) throw caseNotFound();
    return id;
  };

  /** Agent assist: what the knowledge base says about the citizen's last message (and the subject). */
  const suggestionsFor = (view: AgentCaseView) => {
    const lastCitizen = view.messages.filter((m) => m.author === "citizen").at(-1);
    if (!lastCitizen || view.case.status === "clos") return Promise.resolve([]);
    return suggestAnswers(deps.assistant, {
      organisationId,
      text: `${view.case.subject}\n${lastCitizen.body}`,
    });
  };

  const renderCase = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agent: Agent,
    caseId: string,
    options: { state?: CaseFormState; status?: number; flash?: string | undefined } = {},
  ) => {
    // getCaseForAgent writes the "case.viewed" audit row.
    const view = await getCaseForAgent(deps.db, {
      organisationId,
      caseId,
      actor: actor(agent),
      clock: deps.clock,
    });
    const [agents, teams, templates, mergedIntoReference, emails, suggestions] = await Promise.all([
      listDeskAgents(deps.db, { organisationId }),
      listTeams(deps.db, { organisationId }),
      listAnswerTemplates(deps.db, { organisationId }),
      view.case.mergedIntoId
        ? findCaseReference(deps.db, { organisationId, caseId: view.case.mergedIntoId })
        : null,
      listCaseEmails(deps.db, { organisationId, caseId }),
      suggestionsFor(view),
    ]);
    const site = await backofficeSite(deps, request, reply, agent);
    const page = caseView({
      site,
      view,
      agents,
      teams,
      templates,
      mergedIntoReference,
      emails,
      suggestions,
      ...options,
    });
    return sendPage(reply, page, options.status ?? 200);
  };

  /** Runs a case action; a refusal re-renders the case page with the message next to its field. */
  const caseAction =
    (
      action: CaseAction,
      run: (input: {
        agent: Agent;
        caseId: string;
        body: unknown;
        request: FastifyRequest;
      }) => Promise<string | { redirect: string; flash: string }>,
      keep: (body: unknown, request: FastifyRequest) => CaseFormState = () => ({}),
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const agent = await requireDeskAgent(deps, request, reply);
      if (!agent) return reply;
      const caseId = await caseIdOf(request);
      try {
        const outcome = await run({ agent, caseId, body: request.body, request });
        const { redirect, flash } =
          typeof outcome === "string"
            ? {
                redirect: casePath((request.params as { reference: string }).reference.toUpperCase()),
                flash: outcome,
              }
            : outcome;
        request.log.info({ caseId, agentId: agent.id, action }, "case action done");
        request.session.flash = flash;
        return reply.redirect(redirect, 303);
      } catch (error) {
        if (!isFormRefusal(error)) throw error;
        request.log.info({ caseId, agentId: agent.id, action, code: error.code }, "case action refused");
        const fieldId =
          typeof error.details?.fieldId === "string"
            ? error.details.fieldId
            : errorFieldId(action, error.details?.field);
        const state = {
          ...keep(request.body, request),
          error: { form: action, fieldId, message: error.userMessage },
        };
        return renderCase(request, reply, agent, caseId, { state, status: httpStatusOf(error.code) });
      }
    };

  scope.get("/demandes", async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const query = parseInboxQuery(request.query as Body);
    const [page, teams] = await Promise.all([
      listInbox(deps.db, {
        organisationId,
        agentId: agent.id,
        filters: inboxFilters(query, deps.clock.now()),
        cursor: query.apres ?? null,
      }),
      listTeams(deps.db, { organisationId }),
    ]);
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, inboxView({ site, query, page, teams, flash: takeFlash(request) }));
  });

  scope.get(REJECTED_EMAILS_PATH.replace("/admin", ""), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const emails = await listRejectedInbound(deps.db, { organisationId });
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, rejectedEmailsView({ site, emails }));
  });

  scope.get("/demandes/:reference", async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const caseId = await caseIdOf(request);
    return renderCase(request, reply, agent, caseId, { flash: takeFlash(request) });
  });

  const sendReply = caseAction(
    "reponse",
    async ({ agent, caseId, body, request }) => {
      const status = field(body, "statut");
      const result = await replyToCase(deps.db, {
        organisationId,
        caseId,
        actor: actor(agent),
        body: field(body, "texte"),
        attachments: replyFilesOf(request),
        status: isCaseStatus(status) ? status : undefined,
        publicUrl: deps.config.publicUrl,
        clock: deps.clock,
      });
      return result.emailQueued
        ? "Réponse envoyée : l'usager la reçoit par courriel et sur sa page de suivi."
        : "Réponse enregistrée : l'usager la lira sur sa page de suivi (pas d'adresse électronique).";
    },
    (body, request) => ({
      replyText: field(body, "texte"),
      replyStatus: field(body, "statut"),
      replyFilesDropped: replyFilesOf(request).length > 0,
    }),
  );
  // "Insérer dans la réponse" (agent assist): the typed text comes back with the passage and its source.
  const insertSuggestion = async (request: FastifyRequest, reply: FastifyReply, sourceId: string) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const caseId = await caseIdOf(request);
    const view = await getCaseForAgent(deps.db, {
      organisationId,
      caseId,
      actor: actor(agent),
      clock: deps.clock,
    });
    const suggestion = (await suggestionsFor(view)).find((s) => s.source.id === sourceId);
    const typed = field(request.body, "texte").trimEnd();
    const replyText = suggestion ? [typed, suggestion.insertText].filter(Boolean).join("\n\n") : typed;
    return renderCase(request, reply, agent, caseId, {
      state: {
        replyText,
        replyStatus: field(request.body, "statut"),
        replyFilesDropped: replyFilesOf(request).length > 0,
      },
    });
  };
  // "Utiliser ce modèle" (without JavaScript): nothing changes, the form comes back pre-filled.
  const useTemplate = async (request: FastifyRequest, reply: FastifyReply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const caseId = await caseIdOf(request);
    const templateId = field(request.body, "modele");
    const kept = {
      replyStatus: field(request.body, "statut"),
      replyFilesDropped: replyFilesOf(request).length > 0,
    };
    if (templateId === "")
      return renderCase(request, reply, agent, caseId, {
        state: {
          ...kept,
          replyText: field(request.body, "texte"),
          error: {
            form: "reponse",
            fieldId: "reponse-modele",
            message: "Choisissez un modèle dans la liste.",
          },
        },
        status: 400,
      });
    const template = await getAnswerTemplate(deps.db, { organisationId, id: templateId });
    return renderCase(request, reply, agent, caseId, {
      state: { ...kept, replyText: template.body, templateId: template.id },
    });
  };
  // Its own scope: only this form is multipart (documents), read before the CSRF check.
  await scope.register(async (replyScope) => {
    await registerReplyFormParser(replyScope);
    replyScope.post("/demandes/:reference/reponse", async (request, reply) => {
      const action = field(request.body, "action");
      if (action.startsWith("suggestion:"))
        return insertSuggestion(request, reply, action.slice("suggestion:".length));
      if (action !== "modele") return sendReply(request, reply);
      return useTemplate(request, reply);
    });
  });

  scope.post(
    "/demandes/:reference/note",
    caseAction(
      "note",
      async ({ agent, caseId, body }) => {
        await addInternalNote(deps.db, {
          organisationId,
          caseId,
          actor: actor(agent),
          body: field(body, "texte"),
          clock: deps.clock,
        });
        return "Note interne ajoutée.";
      },
      (body) => ({ noteText: field(body, "texte") }),
    ),
  );

  scope.post(
    "/demandes/:reference/affectation",
    caseAction("affectation", async ({ agent, caseId, body }) => {
      const { changed } = await assignCase(deps.db, {
        organisationId,
        caseId,
        actor: actor(agent),
        teamId: field(body, "equipe") || null,
        assigneeId: field(body, "agent") || null,
        clock: deps.clock,
      });
      return changed ? "Affectation enregistrée." : "L'affectation n'a pas changé.";
    }),
  );

  scope.post(
    "/demandes/:reference/statut",
    caseAction("statut", async ({ agent, caseId, body }) => {
      const status = field(body, "statut");
      if (!isCaseStatus(status))
        throw new AppError("BAD_REQUEST", {
          message: "unknown status",
          userMessage: "Choisissez un statut dans la liste.",
        });
      await changeCaseStatus(deps.db, {
        organisationId,
        caseId,
        actor: actor(agent),
        status,
        clock: deps.clock,
        publicUrl: deps.config.publicUrl,
      });
      return "Statut modifié.";
    }),
  );

  scope.post("/demandes/:reference/fusion", async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const target = field(request.body, "cible").trim().toUpperCase();
    const targetId = target
      ? await findCaseIdByReference(deps.db, { organisationId, reference: target })
      : null;
    if (field(request.body, "confirmer") !== "oui" && targetId) {
      const duplicateId = await caseIdOf(request);
      const views = await Promise.all(
        [duplicateId, targetId].map((caseId) =>
          getCaseForAgent(deps.db, { organisationId, caseId, actor: actor(agent), clock: deps.clock }),
        ),
      );
      const site = await backofficeSite(deps, request, reply, agent);
      return sendPage(reply, mergeConfirmView({ site, duplicate: views[0]!.case, target: views[1]!.case }));
    }
    return caseAction(
      "fusion",
      async ({ caseId }) => {
        if (!targetId)
          throw new AppError("BAD_REQUEST", {
            message: "merge target not found",
            userMessage: target
              ? `Aucune demande ne porte la référence ${target}.`
              : "Indiquez la référence de la demande à conserver.",
          });
        const { duplicate, target: kept } = await mergeCases(deps.db, {
          organisationId,
          duplicateId: caseId,
          targetId,
          actor: actor(agent),
          clock: deps.clock,
        });
        return {
          redirect: casePath(kept.reference),
          flash: `La demande ${duplicate.reference} a été fusionnée dans celle-ci.`,
        };
      },
      () => ({ mergeTarget: target }),
    )(request, reply);
  });

  scope.get("/pieces-jointes/:id", async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const file = await getCaseAttachmentForAgent(deps.db, {
      organisationId,
      attachmentId: (request.params as { id: string }).id,
      actor: actor(agent),
      clock: deps.clock,
    });
    const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return reply
      .type(file.contentType)
      .header(
        "content-disposition",
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .header("content-security-policy", "sandbox")
      .send(file.content);
  });

  registerNewCaseRoutes(scope, deps);
}

function registerNewCaseRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agent: Agent,
    form: NewCaseForm,
    error?: { id: string; message: string },
  ) => {
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, newCaseView({ site, form, error }), error ? 400 : 200);
  };

  scope.get(NEW_CASE_PATH.replace("/admin", ""), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    return render(request, reply, agent, { cle: randomBytes(16).toString("hex") });
  });

  scope.post(INBOX_PATH.replace("/admin", ""), async (request, reply) => {
    const agent = await requireDeskAgent(deps, request, reply);
    if (!agent) return reply;
    const body = request.body;
    const cle = field(body, "cle");
    const form: NewCaseForm = {
      canal: field(body, "canal"),
      nom: field(body, "nom"),
      courriel: field(body, "courriel"),
      telephone: field(body, "telephone"),
      objet: field(body, "objet"),
      texte: field(body, "texte"),
      cle: /^[0-9a-f]{32}$/.test(cle) ? cle : randomBytes(16).toString("hex"),
    };
    const channel = form.canal as AgentLoggedChannel;
    if (!AGENT_LOGGED_CHANNELS.includes(channel))
      return render(request, reply, agent, form, {
        id: "canal-phone",
        message: "Indiquez si la demande a été reçue par téléphone ou à l'accueil.",
      });
    try {
      const result = await openCase(deps.db, {
        organisationId,
        channel,
        subject: form.objet ?? "",
        body: form.texte ?? "",
        contact: { name: form.nom, email: form.courriel, phone: form.telephone },
        actor: { agentId: agent.id },
        submissionKey: `guichet-agent:${form.cle}`,
        publicUrl: deps.config.publicUrl,
        clock: deps.clock,
      });
      request.log.info(
        { caseId: result.caseId, agentId: agent.id, channel, created: result.created },
        "case logged by agent",
      );
      request.session.flash = result.created
        ? `Demande ${result.reference} enregistrée.`
        : `Cette demande avait déjà été enregistrée sous la référence ${result.reference}.`;
      return reply.redirect(casePath(result.reference), 303);
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      const domainField = String(error.details?.field ?? "body");
      return render(request, reply, agent, form, {
        id: NEW_CASE_FIELD_IDS[domainField] ?? "texte",
        message: error.userMessage,
      });
    }
  });
}
