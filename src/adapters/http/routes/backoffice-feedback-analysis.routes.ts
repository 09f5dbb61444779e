/** Analysis of citizens' feedback for managers (admin) and agents, read-only: page, drill-down, exports. */
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type AnalysisParams,
  answersCsv,
  answersJson,
  canReadFeedbackAnalysis,
  computeBreakdown,
  computeIndicators,
  computeTimeSeries,
  defaultBucket,
  detectEmergingTopics,
  indicatorsCsv,
  indicatorsJson,
  listAnswersForExport,
  listVerbatims,
  type ParsedAnalysisQuery,
  parseAnalysisQuery,
} from "../../../domains/feedback/analysis/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { findTopicTitles } from "../../../domains/knowledge/topics/index.ts";
import { AppError, isAppError } from "../../../shared/app-error.ts";
import {
  ANALYSIS_PATH,
  analysisFieldError,
} from "../../../web/backoffice/feedback-analysis/analysis-filters.tsx";
import { analysisView } from "../../../web/backoffice/feedback-analysis/analysis-page.tsx";
import { verbatimsView } from "../../../web/backoffice/feedback-analysis/verbatims-page.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";

const PARAM_NAMES = ["du", "au", "canal", "questionnaire", "sujet", "theme", "apres"] as const;

function paramsOf(request: FastifyRequest): AnalysisParams {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const params: AnalysisParams = {};
  for (const name of PARAM_NAMES) {
    const value = query[name];
    if (typeof value === "string") params[name] = value.slice(0, 300);
  }
  return params;
}

async function requireReader(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !canReadFeedbackAnalysis(agent)) {
    throw new AppError("FORBIDDEN", {
      message: "agent or admin role required for the feedback analysis",
      userMessage: "L'analyse des avis est réservée aux agents et aux administrateurs.",
    });
  }
  return agent;
}

/** A rejected parameter re-shows the form with the error on its field (400); anything else is thrown. */
function badRequest(error: unknown) {
  if (!isAppError(error) || error.code !== "BAD_REQUEST") throw error;
  return analysisFieldError(error.details?.field as string | undefined, error.userMessage);
}

export function registerBackofficeFeedbackAnalysisRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const route = ANALYSIS_PATH.replace("/admin", "");

  scope.get(route, async (request, reply) => {
    const agent = await requireReader(deps, request, reply);
    if (!agent) return reply;
    const params = paramsOf(request);
    const site = await backofficeSite(deps, request, reply, agent);
    let query: ParsedAnalysisQuery;
    try {
      query = parseAnalysisQuery(params, deps.clock);
    } catch (error) {
      return sendPage(reply, analysisView({ site, params, error: badRequest(error) }), 400);
    }
    const base = { organisationId, period: query.period, filters: query.filters };
    const days = (Date.parse(query.period.to) - Date.parse(query.period.from)) / 86_400_000;
    const [report, byChannel, byTopic, series, emerging] = await Promise.all([
      computeIndicators(deps.db, base),
      computeBreakdown(deps.db, { ...base, by: "channel" }),
      computeBreakdown(deps.db, { ...base, by: "topic", limit: 30 }),
      computeTimeSeries(deps.db, { ...base, bucket: defaultBucket(days) }),
      detectEmergingTopics(deps.db, { organisationId, until: query.period.to, filters: query.filters }),
    ]);
    const topicTitles = await findTopicTitles(deps.db, {
      organisationId,
      keys: byTopic.map((row) => row.key),
    });
    request.log.info({ agentId: agent.id, answers: report.indicators.answers }, "feedback analysis viewed");
    return sendPage(
      reply,
      analysisView({
        site,
        params,
        data: { query, report, byChannel, byTopic, series, emerging, topicTitles },
      }),
    );
  });

  scope.get(`${route}/commentaires`, async (request, reply) => {
    const agent = await requireReader(deps, request, reply);
    if (!agent) return reply;
    const params = paramsOf(request);
    const site = await backofficeSite(deps, request, reply, agent);
    try {
      const query = parseAnalysisQuery(params, deps.clock);
      const page = await listVerbatims(deps.db, {
        organisationId,
        period: query.period,
        filters: query.filters,
        verbatimTopic: query.verbatimTopic,
        cursor: params.apres || undefined,
      });
      const topicTitles = await findTopicTitles(deps.db, {
        organisationId,
        keys: page.rows.flatMap((row) => (row.topic ? [row.topic] : [])),
      });
      return sendPage(reply, verbatimsView({ site, params, query, page, topicTitles }));
    } catch (error) {
      return sendPage(reply, verbatimsView({ site, params, error: badRequest(error) }), 400);
    }
  });

  scope.get(`${route}/export/:file`, async (request, reply) => {
    const agent = await requireReader(deps, request, reply);
    if (!agent) return reply;
    const { file } = request.params as { file: string };
    const query = parseAnalysisQuery(paramsOf(request), deps.clock);
    const base = { organisationId, period: query.period, filters: query.filters };
    const name = `avis-${file.split(".")[0]}-${query.period.from}-${query.period.to}.${file.split(".")[1]}`;
    request.log.info({ agentId: agent.id, file }, "feedback analysis exported");
    reply.header("content-disposition", `attachment; filename="${name}"`);
    switch (file) {
      case "indicateurs.csv":
        return reply
          .type("text/csv; charset=utf-8")
          .send(indicatorsCsv(await computeIndicators(deps.db, base)));
      case "indicateurs.json":
        return reply
          .type("application/json; charset=utf-8")
          .send(indicatorsJson(await computeIndicators(deps.db, base)));
      case "reponses.csv":
        return reply
          .type("text/csv; charset=utf-8")
          .send(Readable.from(answersCsv(listAnswersForExport(deps.db, base))));
      case "reponses.json":
        return reply
          .type("application/json; charset=utf-8")
          .send(Readable.from(answersJson(listAnswersForExport(deps.db, base))));
      default:
        reply.removeHeader("content-disposition");
        throw new AppError("NOT_FOUND", { message: "unknown feedback export" });
    }
  });
}
