/**
 * Publishing the results in the back office (/admin/resultats): choose a period, prepare a draft,
 * preview it exactly as the public page, publish it (confirmed), withdraw or discard. Administrators
 * only; registered inside the back-office scope (session, CSRF, French error pages).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  discardResultsDraft,
  getResultsPublication,
  listResultsPublications,
  type PeriodField,
  parisDayOf,
  parseResultsPeriod,
  prepareResultsDraft,
  publishResults,
  recentPeriodChoices,
  withdrawResults,
} from "../../../domains/commitments/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import {
  CONFIRM_FIELD_ID,
  PERIOD_FIELD_IDS,
  RESULTS_ADMIN_MESSAGE,
  RESULTS_ADMIN_PATH,
  resultsAdminPath,
  resultsDraftsPath,
} from "../../../web/backoffice/results/labels.ts";
import type { PeriodForm } from "../../../web/backoffice/results/results-admin-page.tsx";
import { resultsAdminView, resultsPreviewView } from "../../../web/backoffice/results/views.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent, takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import { formError, formField, routeParam } from "./backoffice-admin-access.ts";

const local = (path: string) => path.replace("/admin", "");

async function requireResultsAdmin(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !agent.roles.includes("admin"))
    throw new AppError("FORBIDDEN", { message: "admin role required", userMessage: RESULTS_ADMIN_MESSAGE });
  return agent;
}

const periodFieldId = (field: unknown): string =>
  PERIOD_FIELD_IDS[(field as PeriodField) in PERIOD_FIELD_IDS ? (field as PeriodField) : "periode"];

export function registerBackofficeResultsRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: { form?: PeriodForm; error?: FieldError; status?: number } = {},
  ) => {
    const options = recentPeriodChoices(parisDayOf(deps.clock.now()));
    const [publications, site] = await Promise.all([
      listResultsPublications(deps.db, { organisationId }),
      backofficeSite(deps, request, reply, admin),
    ]);
    const form = extra.form ?? { periode: options.months[0] ?? "", du: "", au: "" };
    const page = resultsAdminView({
      site,
      form,
      options,
      publications,
      error: extra.error,
      flash: takeFlash(request),
    });
    return sendPage(reply, page, extra.status);
  };

  const renderPreview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: { error?: FieldError; status?: number } = {},
  ) => {
    const publication = await getResultsPublication(deps.db, {
      organisationId,
      publicationId: routeParam(request, "id"),
    });
    const site = await backofficeSite(deps, request, reply, admin);
    return sendPage(
      reply,
      resultsPreviewView({ site, publication, error: extra.error, flash: takeFlash(request) }),
      extra.status,
    );
  };

  scope.get(local(RESULTS_ADMIN_PATH), async (request, reply) => {
    const admin = await requireResultsAdmin(deps, request, reply);
    if (!admin) return reply;
    return renderList(request, reply, admin);
  });

  scope.post(local(resultsDraftsPath), async (request, reply) => {
    const admin = await requireResultsAdmin(deps, request, reply);
    if (!admin) return reply;
    const form: PeriodForm = {
      periode: formField(request.body, "periode").slice(0, 40),
      du: formField(request.body, "du").slice(0, 20),
      au: formField(request.body, "au").slice(0, 20),
    };
    try {
      const period = parseResultsPeriod({
        choice: form.periode,
        du: form.du,
        au: form.au,
        today: parisDayOf(deps.clock.now()),
      });
      const draft = await prepareResultsDraft(deps.db, {
        organisationId,
        period,
        actorId: admin.id,
        clock: deps.clock,
      });
      request.log.info({ publicationId: draft.id, adminId: admin.id }, "results draft prepared");
      request.session.flash = "Brouillon préparé. Vérifiez les chiffres ci-dessous avant de les publier.";
      return reply.redirect(resultsAdminPath(draft.id), 303);
    } catch (error) {
      const refusal = formError(error, periodFieldId);
      if (!refusal) throw error;
      return renderList(request, reply, admin, { form, ...refusal });
    }
  });

  scope.get(`${local(RESULTS_ADMIN_PATH)}/:id`, async (request, reply) => {
    const admin = await requireResultsAdmin(deps, request, reply);
    if (!admin) return reply;
    return renderPreview(request, reply, admin);
  });

  const confirmed = (
    segment: string,
    missing: string,
    run: (input: { publicationId: string; admin: Agent; request: FastifyRequest }) => Promise<string>,
  ) =>
    scope.post(`${local(RESULTS_ADMIN_PATH)}/:id/${segment}`, async (request, reply) => {
      const admin = await requireResultsAdmin(deps, request, reply);
      if (!admin) return reply;
      const publicationId = routeParam(request, "id");
      if (formField(request.body, "confirmation") !== "oui")
        return renderPreview(request, reply, admin, {
          error: { id: CONFIRM_FIELD_ID, message: missing },
          status: 400,
        });
      try {
        request.session.flash = await run({ publicationId, admin, request });
        return reply.redirect(resultsAdminPath(publicationId), 303);
      } catch (error) {
        const refusal = formError(error, () => CONFIRM_FIELD_ID);
        if (!refusal) throw error;
        return renderPreview(request, reply, admin, refusal);
      }
    });

  confirmed(
    "publication",
    "Cochez la case pour confirmer la publication de ces résultats.",
    async ({ publicationId, admin, request }) => {
      const { replaced } = await publishResults(deps.db, {
        organisationId,
        publicationId,
        actorId: admin.id,
        clock: deps.clock,
      });
      request.log.info({ publicationId, adminId: admin.id, replaced }, "results published");
      return replaced
        ? "Résultats publiés : ils remplacent ceux publiés auparavant pour la même période."
        : "Résultats publiés : ils sont visibles sur la page « Nos résultats » du site public.";
    },
  );

  confirmed(
    "retrait",
    "Cochez la case pour confirmer le retrait de ces résultats.",
    async ({ publicationId, admin, request }) => {
      await withdrawResults(deps.db, { organisationId, publicationId, actorId: admin.id, clock: deps.clock });
      request.log.info({ publicationId, adminId: admin.id }, "results withdrawn");
      return "Résultats retirés du site public.";
    },
  );

  scope.post(`${local(RESULTS_ADMIN_PATH)}/:id/suppression`, async (request, reply) => {
    const admin = await requireResultsAdmin(deps, request, reply);
    if (!admin) return reply;
    const publicationId = routeParam(request, "id");
    await discardResultsDraft(deps.db, { organisationId, publicationId, actorId: admin.id });
    request.log.info({ publicationId, adminId: admin.id }, "results draft discarded");
    request.session.flash = "Brouillon supprimé.";
    return reply.redirect(RESULTS_ADMIN_PATH, 303);
  });
}
