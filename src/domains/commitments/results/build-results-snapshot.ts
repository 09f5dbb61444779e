/**
 * Puts a period's indicators, and month-by-month series when the period spans several months, into
 * the published snapshot shape. Pure (compute-results.ts gathers the inputs).
 */
import { MIN_SAMPLE } from "../statistics/activity-indicators.ts";
import { type ResultInputs, resultIndicators } from "./result-indicators.ts";
import type { ResultsPeriod } from "./results-period.ts";
import { RESULTS_SCHEMA, type ResultSeries, type ResultsSnapshot } from "./results-snapshot.ts";

/** The indicators followed month by month: every commitment, satisfaction, reachability, the assistant. */
export function isSeriesIndicator(id: string): boolean {
  return (
    id.startsWith("engagement.") ||
    id === "satisfaction.globale" ||
    id === "joignabilite.globale" ||
    id === "assistant.taux_reponse"
  );
}

export function buildResultsSnapshot(input: {
  organisationName: string;
  period: ResultsPeriod;
  computedAt: Date;
  inputs: ResultInputs;
  /** One entry per month of the period, oldest first; empty for a period within one month. */
  months: Array<{ period: ResultsPeriod; inputs: ResultInputs }>;
}): ResultsSnapshot {
  const indicators = resultIndicators(input.inputs);
  const monthly = input.months.map((month) => ({
    period: month.period,
    byId: new Map(resultIndicators(month.inputs).map((indicator) => [indicator.id, indicator])),
  }));
  const series: ResultSeries[] =
    monthly.length < 2
      ? []
      : indicators
          .filter((indicator) => isSeriesIndicator(indicator.id))
          .map((indicator) => ({
            indicatorId: indicator.id,
            label: indicator.label,
            unit: indicator.unit,
            bucket: "month" as const,
            points: monthly.map(({ period, byId }) => {
              const point = byId.get(indicator.id);
              return {
                from: period.from,
                to: period.to,
                value: point?.value ?? null,
                n: point?.n ?? 0,
                shown: point?.shown ?? false,
              };
            }),
          }));
  return {
    schema: RESULTS_SCHEMA,
    organisation: { name: input.organisationName },
    period: { from: input.period.from, to: input.period.to },
    computedAt: input.computedAt.toISOString(),
    minSample: MIN_SAMPLE,
    indicators,
    series,
  };
}
