/**
 * Emerging issues: a verbatim topic mentioned much more in the last 7 days than usual. The baseline is
 * the weekly mean of the 8 weeks before; a topic emerges when its count is at least MIN_COUNT, at least
 * RATIO times the baseline, and unlikely under a Poisson law of that mean (p < P_VALUE).
 */
import { sql } from "kysely";
import type { Db, FeedbackChannel, FeedbackKind } from "../../../shared/database.ts";
import { addDays, parisMidnight } from "./analysis-period.ts";
import type { AnalysisFilters } from "./rollup-sums.ts";
import { verbatimTopicLabel } from "./verbatim-topics.ts";

export const EMERGING_RULES = {
  recentDays: 7,
  baselineWeeks: 8,
  minCount: 5,
  ratio: 2,
  pValue: 0.01,
} as const;

export type EmergingTopic = {
  topic: string;
  label: string;
  recent: number;
  /** Mean mentions per week over the baseline weeks. */
  baselineWeekly: number;
  /** recent / baselineWeekly, null when the topic was never mentioned before. */
  ratio: number | null;
  /** P(X ≥ recent) for X ~ Poisson(max(baselineWeekly, 1)): how surprising the count is. */
  pValue: number;
  /** The recent window [from, to) as French days, for the drill-down link. */
  from: string;
  to: string;
};

/**
 * P(X ≥ k) for a Poisson variable of mean lambda. Terms are carried as logarithms: e^−λ underflows to 0
 * for the counts of a large town (λ in the thousands), which would make every jump look ordinary.
 */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let logTerm = -lambda; // log P(X = 0)
  if (k <= lambda) {
    let below = 0;
    for (let i = 0; i < k; i++) {
      below += Math.exp(logTerm);
      logTerm += Math.log(lambda / (i + 1));
    }
    return Math.min(1, Math.max(0, 1 - below));
  }
  for (let i = 1; i <= k; i++) logTerm += Math.log(lambda / i);
  // Above the mean the terms shrink: sum them from k until they no longer count.
  let tail = 0;
  for (let i = k; ; i++) {
    const term = Math.exp(logTerm);
    tail += term;
    if (term <= tail * 1e-15 || i > k + 100_000) break;
    logTerm += Math.log(lambda / (i + 1));
  }
  return Math.min(1, tail);
}

export function isEmerging(recent: number, baselineWeekly: number): boolean {
  return (
    recent >= EMERGING_RULES.minCount &&
    recent >= EMERGING_RULES.ratio * baselineWeekly &&
    poissonTail(recent, Math.max(baselineWeekly, 1)) < EMERGING_RULES.pValue
  );
}

/** Topics emerging in the 7 days before `until` (a French day, exclusive), most surprising first. */
export async function detectEmergingTopics(
  db: Db,
  options: { organisationId: string; until: string; filters: AnalysisFilters },
): Promise<EmergingTopic[]> {
  const { filters } = options;
  const recentFrom = addDays(options.until, -EMERGING_RULES.recentDays);
  const baselineFrom = addDays(recentFrom, -7 * EMERGING_RULES.baselineWeeks);
  const recentStart = parisMidnight(recentFrom);
  const rows = await db
    .selectFrom("feedback_answers")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom(sql<{ topic: string }>`unnest(feedback_answers.verbatim_topics)`.as("t"))
          .select(sql<string>`t`.as("topic"))
          .as("vt"),
      (join) => join.onTrue(),
    )
    .select([
      "vt.topic",
      sql<number>`count(*) FILTER (WHERE submitted_at >= ${recentStart})`.as("recent"),
      sql<number>`count(*) FILTER (WHERE submitted_at < ${recentStart})`.as("baseline"),
    ])
    .where("organisation_id", "=", options.organisationId)
    .where("submitted_at", ">=", parisMidnight(baselineFrom))
    .where("submitted_at", "<", parisMidnight(options.until))
    .where("verbatim_topics", "is not", null)
    .$if(filters.channel !== undefined, (q) => q.where("channel", "=", filters.channel as FeedbackChannel))
    .$if(filters.topic !== undefined, (q) => q.where("topic", "=", filters.topic as string))
    .$if(filters.kind !== undefined, (q) => q.where("kind", "=", filters.kind as FeedbackKind))
    .groupBy("vt.topic")
    .execute();
  return rows
    .map((row) => {
      const recent = Number(row.recent);
      const baselineWeekly = Number(row.baseline) / EMERGING_RULES.baselineWeeks;
      return {
        topic: row.topic,
        label: verbatimTopicLabel(row.topic),
        recent,
        baselineWeekly,
        ratio: baselineWeekly > 0 ? recent / baselineWeekly : null,
        pValue: poissonTail(recent, Math.max(baselineWeekly, 1)),
        from: recentFrom,
        to: options.until,
      };
    })
    .filter((topic) => isEmerging(topic.recent, topic.baselineWeekly))
    .sort((a, b) => a.pValue - b.pValue || b.recent - a.recent || a.topic.localeCompare(b.topic));
}
