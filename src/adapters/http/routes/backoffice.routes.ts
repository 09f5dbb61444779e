/**
 * The agents' back office at /admin: login, logout, and editing the town's own content.
 * Cookies, sessions and CSRF are registered in this scope only, so public pages stay cookie-free.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Agent, authenticateAgent, canEditContent } from "../../../domains/identity/index.ts";
import {
  changeLocalItemStatus,
  createLocalItem,
  deleteLocalItem,
  getLocalItem,
  type LocalItemForm,
  type LocalItemKind,
  listAllLocalItems,
  updateLocalItem,
} from "../../../domains/knowledge/local/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { isUuid } from "../../../shared/ids.ts";
import { formFromItem, type ItemFormPage } from "../../../web/backoffice/item-form-page.tsx";
import { itemPath, KIND_LABELS, kindFromSegment } from "../../../web/backoffice/labels.ts";
import { dashboardView, deleteView, itemFormView, loginView } from "../../../web/backoffice/views.tsx";
import { createOidcRelyingParty, type OidcRelyingParty } from "../../oidc/oidc-relying-party.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { LOGIN_PATH, requireAgent, requireEditor, takeFlash } from "../plugins/backoffice-auth.ts";
import { installBackofficeErrors } from "../plugins/backoffice-errors.tsx";
import { registerBackofficeSession, SESSION_COOKIE } from "../plugins/backoffice-session.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import { registerBackofficeAdminRoutes } from "./backoffice-admin.routes.ts";
import { registerBackofficeAssistantRoutes } from "./backoffice-assistant.routes.ts";
import { registerBackofficeCasesRoutes } from "./backoffice-cases.routes.ts";
import { registerBackofficeCommitmentsRoutes } from "./backoffice-commitments.routes.ts";
import { registerBackofficeConversationsRoutes } from "./backoffice-conversations.routes.ts";
import { registerBackofficeFeedbackRoutes } from "./backoffice-feedback.routes.ts";
import { registerBackofficeFeedbackAnalysisRoutes } from "./backoffice-feedback-analysis.routes.ts";
import { registerBackofficeNeedsRoutes } from "./backoffice-needs.routes.ts";
import { oidcLoginOption, registerBackofficeOidcRoutes } from "./backoffice-oidc.routes.ts";
import { registerBackofficeQuestionnairesRoutes } from "./backoffice-questionnaires.routes.ts";
import { registerBackofficeResultsRoutes } from "./backoffice-results.routes.ts";

type Body = Record<string, unknown>;

function field(body: unknown, name: string): string | undefined {
  const value = (body as Body | undefined)?.[name];
  return typeof value === "string" ? value : undefined;
}

function formOf(body: unknown): LocalItemForm {
  return {
    title: field(body, "title"),
    summary: field(body, "summary"),
    body: field(body, "body"),
    altQuestions: field(body, "altQuestions"),
    publishedOn: field(body, "publishedOn"),
  };
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", { message: "backoffice route not found" });
}

function kindParam(request: FastifyRequest): LocalItemKind {
  const kind = kindFromSegment((request.params as { segment: string }).segment);
  if (!kind) throw notFound();
  return kind;
}

function itemParams(request: FastifyRequest): { kind: LocalItemKind; id: string } {
  const kind = kindParam(request);
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw notFound();
  return { kind, id };
}

const actorOf = (agent: Agent) => ({ id: agent.id, roles: agent.roles });

export async function registerBackofficeRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // One per app: it caches the provider's discovery document and keys.
  const oidc = deps.config.oidc ? createOidcRelyingParty(deps.config.oidc) : undefined;
  await app.register(
    async (scope) => {
      await registerBackofficeSession(scope, deps);
      installBackofficeErrors(scope, deps);
      scope.addHook("onSend", async (_request, reply) => {
        reply.header("cache-control", "no-store");
      });
      registerSessionRoutes(scope, deps, oidc);
      registerBackofficeOidcRoutes(scope, deps, oidc);
      registerContentRoutes(scope, deps);
      await registerBackofficeCasesRoutes(scope, deps);
      registerBackofficeAdminRoutes(scope, deps);
      registerBackofficeCommitmentsRoutes(scope, deps);
      registerBackofficeAssistantRoutes(scope, deps);
      registerBackofficeFeedbackAnalysisRoutes(scope, deps);
      registerBackofficeNeedsRoutes(scope, deps);
      registerBackofficeConversationsRoutes(scope, deps);
      registerBackofficeFeedbackRoutes(scope, deps);
      registerBackofficeQuestionnairesRoutes(scope, deps);
      registerBackofficeResultsRoutes(scope, deps);
    },
    { prefix: "/admin" },
  );
}

function registerSessionRoutes(
  scope: FastifyInstance,
  deps: AppDeps,
  oidc: OidcRelyingParty | undefined,
): void {
  scope.get("/connexion", async (request, reply) => {
    const site = await backofficeSite(deps, request, reply);
    if (site.agent) return reply.redirect("/admin", 303);
    const loggedOut = (request.query as Body).deconnexion === "1";
    return sendPage(
      reply,
      loginView({
        site,
        oidc: oidcLoginOption(deps),
        notice: loggedOut ? "Vous êtes déconnecté. À bientôt !" : undefined,
      }),
    );
  });

  scope.post("/connexion", async (request, reply) => {
    const email = (field(request.body, "email") ?? "").slice(0, 254);
    try {
      const agent = await authenticateAgent(deps.db, {
        organisationId: deps.organisation.id,
        email,
        password: field(request.body, "password") ?? "",
        address: request.ip,
        clock: deps.clock,
      });
      // A new session id on login, so an id planted before it is worthless.
      await request.session.regenerate();
      request.session.agentId = agent.id;
      request.log.info({ agentId: agent.id }, "agent signed in");
      return reply.redirect("/admin", 303);
    } catch (error) {
      if (!isAppError(error) || (error.code !== "UNAUTHENTICATED" && error.code !== "TOO_MANY_REQUESTS")) {
        throw error;
      }
      request.log.info({ code: error.code }, "agent sign-in refused");
      const site = await backofficeSite(deps, request, reply, null);
      return sendPage(
        reply,
        loginView({ site, email, oidc: oidcLoginOption(deps), error: error.userMessage }),
        httpStatusOf(error.code),
      );
    }
  });

  scope.post("/deconnexion", async (request, reply) => {
    const agentId = request.session.agentId;
    const idToken = request.session.oidcIdToken;
    await request.session.destroy();
    reply.clearCookie(SESSION_COOKIE, { path: "/admin" });
    // Signed in through the provider: end that session too, or the next click signs straight back in.
    const providerLogout = idToken && oidc ? await oidc.logoutUrl(idToken) : undefined;
    request.log.info({ agentId, provider: providerLogout !== undefined }, "agent signed out");
    return reply.redirect(providerLogout ?? `${LOGIN_PATH}?deconnexion=1`, 303);
  });

  scope.get("/", async (request, reply) => {
    const agent = await requireAgent(deps, request, reply);
    if (!agent) return reply;
    const items = await listAllLocalItems(deps.db, { organisationId: deps.organisation.id });
    const flash = takeFlash(request);
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, dashboardView({ site, items, canEdit: canEditContent(agent), flash }));
  });
}

function registerContentRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agent: Agent,
    props: Omit<Parameters<typeof ItemFormPage>[0], "site">,
    status = 200,
  ) => {
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, itemFormView({ site, ...props }), status);
  };

  scope.get("/:segment/nouveau", async (request, reply) => {
    const kind = kindParam(request);
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    return renderForm(request, reply, agent, { kind, form: {} });
  });

  scope.post("/:segment", async (request, reply) => {
    const kind = kindParam(request);
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    const form = formOf(request.body);
    const result = await createLocalItem(deps.db, {
      organisationId,
      kind,
      form,
      actor: actorOf(agent),
      clock: deps.clock,
    });
    if (!result.ok) return renderForm(request, reply, agent, { kind, form, errors: result.errors }, 400);
    request.log.info({ itemId: result.item.id, kind, agentId: agent.id }, "local item created");
    request.session.flash = "Brouillon créé. Publiez-le quand il est prêt.";
    return reply.redirect(itemPath(kind, result.item.id), 303);
  });

  scope.get("/:segment/:id", async (request, reply) => {
    const { kind, id } = itemParams(request);
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    const item = await getLocalItem(deps.db, { organisationId, kind, id });
    const flash = takeFlash(request);
    return renderForm(request, reply, agent, { kind, item, form: formFromItem(item), flash });
  });

  scope.post("/:segment/:id", async (request, reply) => {
    const { kind, id } = itemParams(request);
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    const form = formOf(request.body);
    const result = await updateLocalItem(deps.db, {
      organisationId,
      kind,
      id,
      form,
      actor: actorOf(agent),
      clock: deps.clock,
    });
    if (!result.ok) {
      const item = await getLocalItem(deps.db, { organisationId, kind, id });
      return renderForm(request, reply, agent, { kind, item, form, errors: result.errors }, 400);
    }
    request.log.info({ itemId: id, kind, agentId: agent.id }, "local item updated");
    request.session.flash = "Modifications enregistrées.";
    return reply.redirect(itemPath(kind, id), 303);
  });

  scope.post("/:segment/:id/publication", async (request, reply) => {
    const { kind, id } = itemParams(request);
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    const requested = field(request.body, "action");
    if (requested !== "publier" && requested !== "depublier") {
      throw new AppError("BAD_REQUEST", { message: "unknown publication action" });
    }
    const action = requested === "publier" ? "publish" : "unpublish";
    const { changed } = await changeLocalItemStatus(deps.db, {
      organisationId,
      kind,
      id,
      action,
      actor: actorOf(agent),
      clock: deps.clock,
    });
    request.log.info({ itemId: id, kind, agentId: agent.id, action, changed }, "local item status");
    request.session.flash =
      action === "publish"
        ? "Contenu publié : il est visible sur le site public."
        : "Contenu dépublié : il est repassé en brouillon et n'est plus visible sur le site public.";
    const back = field(request.body, "retour") === "tableau" ? "/admin" : itemPath(kind, id);
    return reply.redirect(back, 303);
  });

  scope.get("/:segment/:id/suppression", async (request, reply) => {
    const { kind, id } = itemParams(request);
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    const item = await getLocalItem(deps.db, { organisationId, kind, id });
    const site = await backofficeSite(deps, request, reply, agent);
    return sendPage(reply, deleteView({ site, item }));
  });

  scope.post("/:segment/:id/suppression", async (request, reply) => {
    const { kind, id } = itemParams(request);
    const agent = await requireEditor(deps, request, reply);
    if (!agent) return reply;
    const deleted = await deleteLocalItem(deps.db, { organisationId, kind, id, actor: actorOf(agent) });
    request.log.info({ itemId: id, kind, agentId: agent.id }, "local item deleted");
    request.session.flash = `La ${KIND_LABELS[kind].singular} « ${deleted.title} » a été supprimée.`;
    return reply.redirect("/admin", 303);
  });
}
