/**
 * What a manager asks for, from the page's or the export's parameters (French names, all optional):
 * du, au (inclusive days), canal, questionnaire (kind), sujet (procedure or topic), theme (verbatim topic).
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import { isFeedbackChannel, isFeedbackKind } from "./analysis-labels.ts";
import { type AnalysisPeriod, parseAnalysisPeriod } from "./analysis-period.ts";
import type { AnalysisFilters } from "./rollup-sums.ts";
import { isVerbatimTopic } from "./verbatim-topics.ts";

export type AnalysisParams = {
  du?: string | undefined;
  au?: string | undefined;
  canal?: string | undefined;
  questionnaire?: string | undefined;
  sujet?: string | undefined;
  theme?: string | undefined;
  /** Drill-down cursor: the page after this one. */
  apres?: string | undefined;
};

export type ParsedAnalysisQuery = {
  period: AnalysisPeriod;
  filters: AnalysisFilters;
  verbatimTopic: string | undefined;
};

const MAX_TOPIC_LENGTH = 200;

function invalid(field: keyof AnalysisParams, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid analysis parameter ${field}`,
    userMessage,
    details: { field },
  });
}

export function parseAnalysisQuery(params: AnalysisParams, clock: Clock): ParsedAnalysisQuery {
  const period = parseAnalysisPeriod({ du: params.du, au: params.au, clock });
  const canal = params.canal?.trim() || undefined;
  const kind = params.questionnaire?.trim() || undefined;
  const topic = params.sujet?.trim() || undefined;
  const theme = params.theme?.trim() || undefined;
  if (canal !== undefined && !isFeedbackChannel(canal)) throw invalid("canal", "Ce canal n'existe pas.");
  if (kind !== undefined && !isFeedbackKind(kind))
    throw invalid("questionnaire", "Ce type de questionnaire n'existe pas.");
  if (topic !== undefined && topic.length > MAX_TOPIC_LENGTH)
    throw invalid("sujet", `La démarche ou le sujet ne peut pas dépasser ${MAX_TOPIC_LENGTH} caractères.`);
  if (theme !== undefined && !isVerbatimTopic(theme))
    throw invalid("theme", "Ce thème de commentaire n'existe pas.");
  return {
    period,
    filters: {
      channel: canal as AnalysisFilters["channel"],
      kind: kind as AnalysisFilters["kind"],
      // "-" stands for "answers without a procedure" (stored as "" in the rollups).
      topic: topic === "-" ? "" : topic,
    },
    verbatimTopic: theme,
  };
}

/** Back to query parameters, for links that keep the manager's choices. */
export function analysisSearchParams(query: ParsedAnalysisQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set("du", query.period.from);
  const last = new Date(Date.parse(`${query.period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  params.set("au", last);
  if (query.filters.channel) params.set("canal", query.filters.channel);
  if (query.filters.kind) params.set("questionnaire", query.filters.kind);
  if (query.filters.topic !== undefined)
    params.set("sujet", query.filters.topic === "" ? "-" : query.filters.topic);
  if (query.verbatimTopic) params.set("theme", query.verbatimTopic);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** Managers (admin) and agents read the analysis; editors alone do not. */
export function canReadFeedbackAnalysis(agent: { roles: readonly string[] }): boolean {
  return agent.roles.includes("admin") || agent.roles.includes("agent");
}
