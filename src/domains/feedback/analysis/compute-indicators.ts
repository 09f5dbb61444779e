/**
 * The analysis of a period: indicators with their change vs the previous period of the same length,
 * the same by channel and by topic, and a time series. Reads `feedback_daily` only (a year of a million
 * answers is a few thousand rows).
 */
import type { Db } from "../../../shared/database.ts";
import { type AnalysisPeriod, previousPeriod } from "./analysis-period.ts";
import {
  type ComparedIndicators,
  compareIndicators,
  type Indicators,
  indicatorsFromSums,
} from "./indicators.ts";
import { type AnalysisFilters, EMPTY_SUMS, sumRollups, sumRollupsBy } from "./rollup-sums.ts";

export type AnalysisQuery = { organisationId: string; period: AnalysisPeriod; filters: AnalysisFilters };

export type IndicatorsReport = {
  period: AnalysisPeriod;
  previousPeriod: AnalysisPeriod;
  filters: AnalysisFilters;
  indicators: ComparedIndicators;
};

export async function computeIndicators(db: Db, query: AnalysisQuery): Promise<IndicatorsReport> {
  const before = previousPeriod(query.period);
  const [current, previous] = await Promise.all([
    sumRollups(db, query),
    sumRollups(db, { ...query, period: before }),
  ]);
  return {
    period: query.period,
    previousPeriod: before,
    filters: query.filters,
    indicators: compareIndicators(indicatorsFromSums(current), indicatorsFromSums(previous)),
  };
}

export type Breakdown = { key: string; indicators: ComparedIndicators }[];

/**
 * Indicators per channel or per topic, each compared with its own previous period. Topic "" is
 * "answers without a topic". Sorted by answers, most first.
 */
export async function computeBreakdown(
  db: Db,
  query: AnalysisQuery & { by: "channel" | "topic"; limit?: number },
): Promise<Breakdown> {
  const [current, previous] = await Promise.all([
    sumRollupsBy(db, query),
    sumRollupsBy(db, { ...query, period: previousPeriod(query.period) }),
  ]);
  const before = new Map(previous.map((group) => [group.key, group.sums]));
  return current
    .map((group) => ({
      key: group.key,
      indicators: compareIndicators(
        indicatorsFromSums(group.sums),
        indicatorsFromSums(before.get(group.key) ?? EMPTY_SUMS),
      ),
    }))
    .sort((a, b) => b.indicators.answers - a.indicators.answers || a.key.localeCompare(b.key))
    .slice(0, query.limit ?? 100);
}

export type TimeBucket = "day" | "week" | "month";
export type TimeSeries = { bucket: TimeBucket; points: { start: string; indicators: Indicators }[] };

/** Indicators per day, week (from Monday) or month; buckets without answers are left out. */
export async function computeTimeSeries(
  db: Db,
  query: AnalysisQuery & { bucket: TimeBucket },
): Promise<TimeSeries> {
  const groups = await sumRollupsBy(db, { ...query, by: query.bucket });
  return {
    bucket: query.bucket,
    points: groups.map((group) => ({ start: group.key, indicators: indicatorsFromSums(group.sums) })),
  };
}

/** A bucket that gives a readable series: days up to two months, weeks up to a year, months beyond. */
export function defaultBucket(days: number): TimeBucket {
  if (days <= 62) return "day";
  if (days <= 370) return "week";
  return "month";
}
