/**
 * Sums of `feedback_daily` over a period and filters, optionally grouped (by channel, topic or time
 * bucket): one aggregate query over the rollups, never over the answers themselves.
 */
import { type Expression, type SqlBool, sql } from "kysely";
import type { Db, FeedbackChannel, FeedbackKind } from "../../../shared/database.ts";
import type { AnalysisPeriod } from "./analysis-period.ts";

export type AnalysisFilters = {
  channel?: FeedbackChannel | undefined;
  topic?: string | undefined;
  kind?: FeedbackKind | undefined;
};

export const SUM_COLUMNS = [
  "answers",
  "satisfaction_n",
  "satisfaction_sum",
  "satisfied_n",
  "dissatisfied_n",
  "clarity_n",
  "clarity_sum",
  "autonomy_n",
  "autonomous_n",
  "help_tried_sum",
  "help_reached_sum",
  "help_quality_n",
  "help_quality_sum",
  "csat_n",
  "csat_sum",
  "nps_n",
  "nps_promoters",
  "nps_detractors",
  "sentiment_n",
  "sentiment_sum",
] as const;

export type RollupSums = Record<(typeof SUM_COLUMNS)[number], number>;

export const EMPTY_SUMS: RollupSums = Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])) as RollupSums;

export type Grouping = "channel" | "topic" | "day" | "week" | "month";

const GROUP_EXPRESSIONS: Record<Grouping, ReturnType<typeof sql<string>>> = {
  channel: sql<string>`channel`,
  topic: sql<string>`topic`,
  day: sql<string>`to_char(day, 'YYYY-MM-DD')`,
  // ISO weeks start on Monday, as French calendars do.
  week: sql<string>`to_char(date_trunc('week', day), 'YYYY-MM-DD')`,
  month: sql<string>`to_char(date_trunc('month', day), 'YYYY-MM-DD')`,
};

function sumsOf(row: Record<string, unknown>): RollupSums {
  const sums = { ...EMPTY_SUMS };
  for (const column of SUM_COLUMNS) sums[column] = Number(row[column] ?? 0);
  return sums;
}

function baseQuery(
  db: Db,
  options: { organisationId: string; period: AnalysisPeriod; filters: AnalysisFilters },
) {
  const { filters } = options;
  return db
    .selectFrom("feedback_daily")
    .where("organisation_id", "=", options.organisationId)
    .where("day", ">=", options.period.from)
    .where("day", "<", options.period.to)
    .$if(filters.channel !== undefined, (q) => q.where("channel", "=", filters.channel as string))
    .$if(filters.topic !== undefined, (q) => q.where("topic", "=", filters.topic as string))
    .$if(filters.kind !== undefined, (q) => q.where("kind", "=", filters.kind as string))
    .select(SUM_COLUMNS.map((column) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)`.as(column)));
}

export async function sumRollups(
  db: Db,
  options: { organisationId: string; period: AnalysisPeriod; filters: AnalysisFilters },
): Promise<RollupSums> {
  const row = await baseQuery(db, options).executeTakeFirst();
  return row ? sumsOf(row) : { ...EMPTY_SUMS };
}

export async function sumRollupsBy(
  db: Db,
  options: { organisationId: string; period: AnalysisPeriod; filters: AnalysisFilters; by: Grouping },
): Promise<{ key: string; sums: RollupSums }[]> {
  const key = GROUP_EXPRESSIONS[options.by];
  const rows = await baseQuery(db, options)
    .select(key.as("group_key"))
    .groupBy(key as Expression<SqlBool>)
    .orderBy(key)
    .execute();
  return rows.map((row) => ({ key: String(row.group_key), sums: sumsOf(row) }));
}
