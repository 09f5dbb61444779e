/** How a published figure reads on the page: fixed decimals of its unit, French typography. */
import {
  type IndicatorUnit,
  type ResultIndicator,
  type ResultsPeriod,
  UNIT_DECIMALS,
} from "../../../domains/commitments/index.ts";
import { formatFrenchDate } from "../french-date.ts";

export const INSUFFICIENT_SAMPLE = "Échantillon insuffisant (moins de 10)";

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

export function formatUnitValue(value: number, unit: IndicatorUnit): string {
  const decimals = UNIT_DECIMALS[unit];
  const number = new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: unit === "points" ? "exceptZero" : "auto",
  }).format(value);
  switch (unit) {
    case "percent":
      return `${number}\u00a0%`;
    case "score10":
      return `${number}/10`;
    case "score5":
      return `${number}/5`;
    case "points":
      return `${number}\u00a0points`;
  }
}

/** The value, or why there is none. */
export function indicatorValueText(
  indicator: Pick<ResultIndicator, "value" | "shown" | "unit" | "n">,
): string {
  if (!indicator.shown) return indicator.n === 0 ? "Aucune donnée sur la période" : INSUFFICIENT_SAMPLE;
  return indicator.value === null
    ? "Aucune donnée sur la période"
    : formatUnitValue(indicator.value, indicator.unit);
}

/** What the sample counts, by indicator: "120 demandes", "1 appel". */
export function sampleText(id: string, n: number): string {
  const [one, many] =
    id.startsWith("engagement.") || id.startsWith("joignabilite.")
      ? ["demande", "demandes"]
      : id.startsWith("telephone.")
        ? ["appel", "appels"]
        : id.startsWith("assistant.")
          ? ["conversation", "conversations"]
          : id === "jdma.aide_joignable"
            ? ["moyen de contact essayé", "moyens de contact essayés"]
            : id === "jdma.aide_efficace"
              ? ["aide évaluée", "aides évaluées"]
              : ["réponse", "réponses"];
  return `${new Intl.NumberFormat("fr-FR").format(n)} ${n > 1 ? many : one}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "mars 2026", "1er trimestre 2026", "année 2025", or "du 3 mars 2026 au 12 avril 2026". */
export function periodLabel(period: ResultsPeriod): string {
  const [fy, fm, fd] = period.from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split("-").map(Number) as [number, number, number];
  const wholeMonths = fd === 1 && td === lastOfMonth(ty, tm) && fy === ty;
  if (wholeMonths && fm === 1 && tm === 12) return `année ${fy}`;
  if (wholeMonths && fm === tm) return `${MONTHS[fm - 1]} ${fy}`;
  if (wholeMonths && tm === fm + 2 && fm % 3 === 1) {
    const quarter = (fm + 2) / 3;
    return `${quarter === 1 ? "1er" : `${quarter}e`} trimestre ${fy}`;
  }
  return `du ${formatFrenchDate(period.from)} au ${formatFrenchDate(period.to)}`;
}

/** A month of a series: "mars 2026" (or the days when the month is cut by the period). */
export function monthLabel(point: { from: string; to: string }): string {
  const [y, m] = point.from.split("-").map(Number) as [number, number];
  const whole = point.from === `${y}-${pad(m)}-01` && point.to === `${y}-${pad(m)}-${lastOfMonth(y, m)}`;
  return whole ? `${MONTHS[m - 1]} ${y}` : `${formatFrenchDate(point.from)} – ${formatFrenchDate(point.to)}`;
}

/** Period, capitalised for a title: "Mars 2026". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
