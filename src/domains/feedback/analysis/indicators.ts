/**
 * The JDMA indicators (and CSAT, NPS, sentiment) from rollup sums. Pure: the same sums always give the
 * same figures, whatever the grouping they come from. Every figure carries its sample size n, null when n = 0.
 */
import type { RollupSums } from "./rollup-sums.ts";

export type Indicator = { value: number | null; n: number };

export type IndicatorKey =
  | "satisfaction"
  | "satisfiedShare"
  | "dissatisfiedShare"
  | "netSatisfaction"
  | "clarity"
  | "helpReachable"
  | "helpEfficient"
  | "autonomy"
  | "csat"
  | "nps"
  | "sentiment";

export type Indicators = { answers: number } & Record<IndicatorKey, Indicator>;

export const INDICATOR_KEYS: readonly IndicatorKey[] = [
  "satisfaction",
  "satisfiedShare",
  "dissatisfiedShare",
  "netSatisfaction",
  "clarity",
  "helpReachable",
  "helpEfficient",
  "autonomy",
  "csat",
  "nps",
  "sentiment",
];

const ratio = (sum: number, n: number, scale = 1): Indicator => ({
  value: n > 0 ? (sum / n) * scale : null,
  n,
});

export function indicatorsFromSums(s: RollupSums): Indicators {
  return {
    answers: s.answers,
    // Très bien 10, Moyen 5, Pas bien 0: the mean is the JDMA satisfaction out of 10.
    satisfaction: ratio(s.satisfaction_sum, s.satisfaction_n),
    satisfiedShare: ratio(s.satisfied_n, s.satisfaction_n, 100),
    dissatisfiedShare: ratio(s.dissatisfied_n, s.satisfaction_n, 100),
    netSatisfaction: ratio(s.satisfied_n - s.dissatisfied_n, s.satisfaction_n, 100),
    clarity: ratio(s.clarity_sum, s.clarity_n),
    // Of the administration channels tried, the share reached; n counts attempts, not people.
    helpReachable: ratio(s.help_reached_sum, s.help_tried_sum, 100),
    helpEfficient: ratio(s.help_quality_sum, s.help_quality_n),
    autonomy: ratio(s.autonomous_n, s.autonomy_n, 100),
    csat: ratio(s.csat_sum, s.csat_n),
    nps: ratio(s.nps_promoters - s.nps_detractors, s.nps_n, 100),
    sentiment: ratio(s.sentiment_sum, s.sentiment_n),
  };
}

export type IndicatorChange = Indicator & { previous: Indicator; change: number | null };
export type ComparedIndicators = { answers: number; previousAnswers: number } & Record<
  IndicatorKey,
  IndicatorChange
>;

export function compareIndicators(current: Indicators, previous: Indicators): ComparedIndicators {
  const compared = { answers: current.answers, previousAnswers: previous.answers } as ComparedIndicators;
  for (const key of INDICATOR_KEYS) {
    const now = current[key];
    const before = previous[key];
    compared[key] = {
      ...now,
      previous: before,
      change: now.value !== null && before.value !== null ? now.value - before.value : null,
    };
  }
  return compared;
}
