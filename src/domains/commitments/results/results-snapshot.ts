/**
 * The published results ("Services Publics +"): a snapshot of figures for a period, computed once and
 * stored as it was published. Its shape is the open-data format (JSON as is, CSV one row per indicator),
 * versioned by `schema`: fields are only ever added, a change of meaning gets a new version.
 *
 * Values are rounded once, here, in the indicator's unit, so the page, the CSV and the JSON show the
 * very same figures:
 * - "percent": 0 to 100, one decimal;      - "score10": mean out of 10, one decimal;
 * - "score5": mean out of 5, two decimals; - "points": a difference of percentages, −100 to 100, one decimal.
 * A figure whose sample `n` is under `minSample` is not published: `shown` false and `value` null.
 */
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

export const RESULTS_SCHEMA = "guichet.resultats/v1";

const Day = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });

export const IndicatorUnit = Type.Union([
  Type.Literal("percent"),
  Type.Literal("score10"),
  Type.Literal("score5"),
  Type.Literal("points"),
]);
export type IndicatorUnit = Static<typeof IndicatorUnit>;

/** Decimals kept for each unit (see above). */
export const UNIT_DECIMALS: Record<IndicatorUnit, number> = { percent: 1, score10: 1, score5: 2, points: 1 };

export const ResultIndicatorSchema = Type.Object({
  /** Stable: "engagement.<commitmentId>", "satisfaction.globale", "joignabilite.email"… */
  id: Type.String({ pattern: "^[a-z_]+(\\.[a-z0-9_-]+)?$", maxLength: 100 }),
  label: Type.String({ maxLength: 300 }),
  /** In French: what is counted, over what. */
  definition: Type.String({ maxLength: 1000 }),
  unit: IndicatorUnit,
  value: Type.Union([Type.Number(), Type.Null()]),
  /** The sample the figure is computed on (requests, conversations, answers, contact attempts…). */
  n: Type.Integer({ minimum: 0 }),
  shown: Type.Boolean(),
  /** For commitments: the announced share, in the indicator's unit (85 = 85 %). */
  target: Type.Optional(Type.Number()),
});
export type ResultIndicator = Static<typeof ResultIndicatorSchema>;

export const ResultSeriesSchema = Type.Object({
  /** The indicator it follows over time. */
  indicatorId: Type.String({ maxLength: 100 }),
  label: Type.String({ maxLength: 300 }),
  unit: IndicatorUnit,
  bucket: Type.Literal("month"),
  points: Type.Array(
    Type.Object({
      from: Day,
      to: Day,
      value: Type.Union([Type.Number(), Type.Null()]),
      n: Type.Integer({ minimum: 0 }),
      shown: Type.Boolean(),
    }),
    { maxItems: 40 },
  ),
});
export type ResultSeries = Static<typeof ResultSeriesSchema>;

export const ResultsSnapshotSchema = Type.Object({
  schema: Type.Literal(RESULTS_SCHEMA),
  organisation: Type.Object({ name: Type.String({ maxLength: 300 }) }),
  /** Paris calendar days, both included. */
  period: Type.Object({ from: Day, to: Day }),
  /** ISO 8601 instant the figures were computed. */
  computedAt: Type.String({ maxLength: 40 }),
  minSample: Type.Integer({ minimum: 1 }),
  indicators: Type.Array(ResultIndicatorSchema, { maxItems: 200 }),
  /** Month by month, when the period covers at least two months. */
  series: Type.Array(ResultSeriesSchema, { maxItems: 50 }),
});
export type ResultsSnapshot = Static<typeof ResultsSnapshotSchema>;

/** Stored JSON is a boundary: a snapshot read back is checked before it is shown. */
export function isResultsSnapshot(value: unknown): value is ResultsSnapshot {
  return Value.Check(ResultsSnapshotSchema, value);
}

/** The value as published: rounded in its unit, null when missing or hidden. */
export function publishedValue(value: number | null, unit: IndicatorUnit, shown: boolean): number | null {
  if (!shown || value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** UNIT_DECIMALS[unit];
  // Avoids "-0" for tiny negative differences.
  return Math.round(value * factor) / factor + 0;
}
