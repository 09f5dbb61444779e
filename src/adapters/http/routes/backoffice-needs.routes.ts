/**
 * The needs dashboard (/admin/besoins), read by desk agents and admins: counts only, each linked to the
 * inbox or the conversations list. Thin: parse the period, load the dashboard, render.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parisDayOf } from "../../../domains/commitments/index.ts";
import {
  canReadNeeds,
  loadNeedsDashboard,
  NEEDS_ROLE_REQUIRED_MESSAGE,
  type NeedsPeriod,
  type NeedsPeriodParams,
  type PeriodField,
  parseNeedsPeriod,
} from "../../../domains/commitments/needs/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError, isAppError } from "../../../shared/app-error.ts";
import { NEEDS_PATH, NEEDS_STYLES_PATH } from "../../../web/backoffice/needs/needs-labels.ts";
import { needsView } from "../../../web/backoffice/needs/needs-page.tsx";
import { PERIOD_FIELD_IDS } from "../../../web/backoffice/needs/period-form.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";

const STYLES = fs.readFileSync(
  path.resolve(import.meta.dirname, "../../../web/backoffice/needs/besoins.css"),
  "utf8",
);
const PARAM_NAMES = ["periode", "mois", "trimestre", "du", "au"] as const;

/** Signed-in desk agent or admin; redirects to login (null) or refuses (403). */
export async function requireNeedsReader(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !canReadNeeds(agent))
    throw new AppError("FORBIDDEN", {
      message: "agent or admin role required for the needs dashboard",
      userMessage: NEEDS_ROLE_REQUIRED_MESSAGE,
    });
  return agent;
}

function paramsOf(request: FastifyRequest): NeedsPeriodParams {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const params: NeedsPeriodParams = {};
  for (const name of PARAM_NAMES) {
    const value = query[name];
    if (typeof value === "string") params[name] = value.slice(0, 40);
  }
  return params;
}

export function registerBackofficeNeedsRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const route = NEEDS_PATH.replace("/admin", "");
  const retentionDays = deps.config.retention.conversationsDays;

  scope.get(NEEDS_STYLES_PATH.replace("/admin", ""), async (_request, reply) =>
    reply.type("text/css; charset=utf-8").send(STYLES),
  );

  scope.get(route, async (request, reply) => {
    const agent = await requireNeedsReader(deps, request, reply);
    if (!agent) return reply;
    const params = paramsOf(request);
    const today = parisDayOf(deps.clock.now());
    const site = await backofficeSite(deps, request, reply, agent);
    let parsed: NeedsPeriod;
    try {
      parsed = parseNeedsPeriod(params, today);
    } catch (error) {
      if (!isAppError(error) || error.code !== "BAD_REQUEST") throw error;
      const field = (error.details?.field ?? "du") as PeriodField;
      const choice = params.periode === "mois" || params.periode === "trimestre" ? params.periode : "dates";
      const fieldError = { id: PERIOD_FIELD_IDS[field] ?? PERIOD_FIELD_IDS.du, message: error.userMessage };
      return sendPage(
        reply,
        needsView({ site, today, choice, params, error: fieldError, retentionDays }),
        400,
      );
    }
    const dashboard = await loadNeedsDashboard(deps.db, { organisationId, period: parsed.period });
    request.log.info(
      { agentId: agent.id, from: parsed.period.from, to: parsed.period.to },
      "needs dashboard viewed",
    );
    return sendPage(
      reply,
      needsView({ site, today, choice: parsed.choice, params: parsed.params, dashboard, retentionDays }),
    );
  });
}
