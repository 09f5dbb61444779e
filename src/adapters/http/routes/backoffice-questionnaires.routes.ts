/**
 * Questionnaires in the back office (/admin/avis/questionnaires): the list, custom questionnaires
 * created as drafts, new versions of a definition edited as JSON (French errors with their paths, a
 * preview drawn by the public form's component), publication and archiving, every version readable.
 * Administrators only; registered inside the back-office scope (session, CSRF, French error pages).
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fieldsOf } from "../../../domains/feedback/index.ts";
import {
  CUSTOM_TEMPLATE,
  checkDefinitionText,
  createQuestionnaire,
  type DefinitionError,
  definitionJson,
  getQuestionnaire,
  indicatorOf,
  listQuestionnaires,
  type QuestionnaireStatusAction,
  saveQuestionnaireVersion,
  setQuestionnaireStatus,
} from "../../../domains/feedback/questionnaires/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import {
  FIELD_IDS,
  NEW_QUESTIONNAIRE_PATH,
  publicPathOf,
  QUESTIONNAIRES_ADMIN_MESSAGE,
  QUESTIONNAIRES_CSS,
  QUESTIONNAIRES_PATH,
  questionnairePath,
} from "../../../web/backoffice/questionnaires/labels.ts";
import type { QuestionnaireEditPageProps } from "../../../web/backoffice/questionnaires/questionnaire-edit-page.tsx";
import {
  newQuestionnaireView,
  questionnaireEditView,
  questionnairesView,
  questionnaireVersionView,
} from "../../../web/backoffice/questionnaires/views.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent, takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import { formField, routeParam } from "./backoffice-admin-access.ts";

const CSS_FILE = path.resolve(
  import.meta.dirname,
  "../../../web/backoffice/questionnaires/questionnaires.css",
);
const local = (address: string) => address.replace("/admin", "");

async function requireQuestionnairesAdmin(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !agent.roles.includes("admin"))
    throw new AppError("FORBIDDEN", {
      message: "admin role required",
      userMessage: QUESTIONNAIRES_ADMIN_MESSAGE,
    });
  return agent;
}

/** The refusals of the use cases the admin fixes on the page: bad definition or slug, a stale page. */
function refusalOf(error: unknown): { errors: DefinitionError[]; slug?: string; status: number } | null {
  if (!isAppError(error) || (error.code !== "BAD_REQUEST" && error.code !== "CONFLICT")) return null;
  const details = error.details ?? {};
  const errors = Array.isArray(details.errors) ? (details.errors as DefinitionError[]) : [];
  const status = httpStatusOf(error.code);
  if (details.field === "slug") return { errors, slug: error.userMessage, status };
  return { errors: errors.length > 0 ? errors : [{ path: "", message: error.userMessage }], status };
}

function previewOf(text: string) {
  const checked = checkDefinitionText(text);
  return checked.ok ? checked.definition : null;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === "string" && /^\d{1,9}$/.test(value) && Number(value) > 0
    ? Number(value)
    : undefined;
}

export function registerBackofficeQuestionnairesRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const clock = deps.clock;
  const css = fs.readFileSync(CSS_FILE, "utf8");
  const route = local(QUESTIONNAIRES_PATH);

  const renderEdit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: Partial<Pick<QuestionnaireEditPageProps, "text" | "definitionErrors" | "error">> & {
      status?: number;
    } = {},
  ) => {
    const questionnaireId = routeParam(request, "id");
    const questionnaire = await getQuestionnaire(deps.db, { organisationId, questionnaireId });
    const from = positiveInteger((request.query as Record<string, unknown>).depuis);
    const start =
      extra.text === undefined && from !== undefined && from !== questionnaire.currentVersion
        ? (await getQuestionnaire(deps.db, { organisationId, questionnaireId, version: from })).shown
        : undefined;
    const current = questionnaire.shown.definition;
    const sent = extra.text !== undefined ? previewOf(extra.text) : null;
    const preview = sent
      ? { definition: sent, heading: "Aperçu du texte envoyé (non enregistré)" }
      : start?.definition
        ? { definition: start.definition, heading: `Aperçu de la version ${start.version}` }
        : current
          ? {
              definition: current,
              heading: `Aperçu de la version ${questionnaire.currentVersion} (actuelle)`,
            }
          : null;
    const indicatorFields =
      questionnaire.kind !== "custom" && current
        ? fieldsOf(current)
            .filter((field) => indicatorOf(field) !== null)
            .map((field) => ({ id: field.id, label: field.label }))
        : [];
    const site = await backofficeSite(deps, request, reply, admin);
    return sendPage(
      reply,
      questionnaireEditView({
        site,
        questionnaire,
        text: extra.text ?? start?.json ?? questionnaire.shown.json,
        startedFrom: start?.version,
        definitionErrors: extra.definitionErrors ?? [],
        error: extra.error,
        preview,
        indicatorFields,
        flash: takeFlash(request),
      }),
      extra.status,
    );
  };

  scope.get(local(QUESTIONNAIRES_CSS), async (_request, reply) =>
    reply.type("text/css; charset=utf-8").send(css),
  );

  scope.get(route, async (request, reply) => {
    const admin = await requireQuestionnairesAdmin(deps, request, reply);
    if (!admin) return reply;
    const questionnaires = await listQuestionnaires(deps.db, { organisationId, clock });
    const site = await backofficeSite(deps, request, reply, admin);
    return sendPage(reply, questionnairesView({ site, questionnaires, flash: takeFlash(request) }));
  });

  scope.get(local(NEW_QUESTIONNAIRE_PATH), async (request, reply) => {
    const admin = await requireQuestionnairesAdmin(deps, request, reply);
    if (!admin) return reply;
    const site = await backofficeSite(deps, request, reply, admin);
    const text = definitionJson(CUSTOM_TEMPLATE);
    return sendPage(reply, newQuestionnaireView({ site, slug: "", text, preview: CUSTOM_TEMPLATE }));
  });

  scope.post(local(NEW_QUESTIONNAIRE_PATH), async (request, reply) => {
    const admin = await requireQuestionnairesAdmin(deps, request, reply);
    if (!admin) return reply;
    const slug = formField(request.body, "slug").slice(0, 100);
    const text = formField(request.body, "definition");
    try {
      const { questionnaireId } = await createQuestionnaire(deps.db, {
        organisationId,
        slug,
        definitionText: text,
        actorId: admin.id,
        clock,
      });
      request.log.info({ questionnaireId, agentId: admin.id }, "questionnaire created");
      request.session.flash =
        "Questionnaire créé en brouillon. Vérifiez l'aperçu, puis publiez-le pour l'ouvrir aux usagers.";
      return reply.redirect(questionnairePath(questionnaireId), 303);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      request.log.info(
        { agentId: admin.id, problems: refusal.errors.length },
        "questionnaire creation refused",
      );
      const site = await backofficeSite(deps, request, reply, admin);
      return sendPage(
        reply,
        newQuestionnaireView({
          site,
          slug,
          text,
          slugError: refusal.slug,
          definitionErrors: refusal.errors,
          preview: previewOf(text),
        }),
        refusal.status,
      );
    }
  });

  scope.get(`${route}/:id`, async (request, reply) => {
    const admin = await requireQuestionnairesAdmin(deps, request, reply);
    if (!admin) return reply;
    return renderEdit(request, reply, admin);
  });

  scope.post(`${route}/:id`, async (request, reply) => {
    const admin = await requireQuestionnairesAdmin(deps, request, reply);
    if (!admin) return reply;
    const questionnaireId = routeParam(request, "id");
    const text = formField(request.body, "definition");
    try {
      const saved = await saveQuestionnaireVersion(deps.db, {
        organisationId,
        questionnaireId,
        definitionText: text,
        baseVersion: positiveInteger(formField(request.body, "version_base")),
        actorId: admin.id,
        clock,
      });
      request.log.info({ questionnaireId, agentId: admin.id, ...saved }, "questionnaire version");
      request.session.flash = saved.created
        ? `Version ${saved.version} enregistrée : c'est désormais la version actuelle.`
        : `Aucune modification : la version ${saved.version} reste la version actuelle.`;
      return reply.redirect(questionnairePath(questionnaireId), 303);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      request.log.info({ questionnaireId, problems: refusal.errors.length }, "questionnaire version refused");
      return renderEdit(request, reply, admin, {
        text,
        definitionErrors: refusal.errors,
        status: refusal.status,
      });
    }
  });

  scope.post(`${route}/:id/statut`, async (request, reply) => {
    const admin = await requireQuestionnairesAdmin(deps, request, reply);
    if (!admin) return reply;
    const questionnaireId = routeParam(request, "id");
    const wanted = formField(request.body, "action");
    if (wanted !== "publish" && wanted !== "archive")
      throw new AppError("BAD_REQUEST", { message: "unknown questionnaire status action" });
    const action: QuestionnaireStatusAction = wanted;
    try {
      const { status, slug } = await setQuestionnaireStatus(deps.db, {
        organisationId,
        questionnaireId,
        action,
        actorId: admin.id,
        clock,
      });
      request.log.info({ questionnaireId, agentId: admin.id, status }, "questionnaire status");
      request.session.flash =
        status === "published"
          ? `Questionnaire publié : les usagers peuvent y répondre à ${publicPathOf(slug)}.`
          : "Questionnaire archivé : sa page indique aux usagers qu'il n'est plus ouvert. Les réponses reçues sont gardées.";
    } catch (error) {
      if (!isAppError(error) || error.code !== "CONFLICT") throw error;
      const refusal: FieldError = { id: FIELD_IDS.status, message: error.userMessage };
      return renderEdit(request, reply, admin, { error: refusal, status: 409 });
    }
    const back =
      formField(request.body, "retour") === "liste"
        ? QUESTIONNAIRES_PATH
        : questionnairePath(questionnaireId);
    return reply.redirect(back, 303);
  });

  scope.get(`${route}/:id/versions/:version`, async (request, reply) => {
    const admin = await requireQuestionnairesAdmin(deps, request, reply);
    if (!admin) return reply;
    const version = positiveInteger(routeParam(request, "version"));
    if (version === undefined)
      throw new AppError("NOT_FOUND", { message: "questionnaire version not a number" });
    const questionnaire = await getQuestionnaire(deps.db, {
      organisationId,
      questionnaireId: routeParam(request, "id"),
      version,
    });
    const site = await backofficeSite(deps, request, reply, admin);
    return sendPage(reply, questionnaireVersionView({ site, questionnaire }));
  });
}
