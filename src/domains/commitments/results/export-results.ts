/**
 * Open data: the published snapshot as JSON (the snapshot itself, `schema` says its version) and as CSV,
 * one row per indicator (the month-by-month series are in the JSON only).
 *
 * CSV for French spreadsheets, columns fixed by RESULTS_CSV_COLUMNS (added only at the end, never
 * renamed): ";" separator, UTF-8 with BOM, CRLF line ends, RFC 4180 quoting, numbers with a decimal
 * comma ("85,5"), an empty cell where a value is not published, "oui"/"non" for `publie`, and text
 * that starts with = + - @ prefixed with "'" so a spreadsheet never runs it as a formula.
 */
import type { ResultsSnapshot } from "./results-snapshot.ts";

export const RESULTS_CSV_COLUMNS = [
  "schema",
  "organisation",
  "periode_du",
  "periode_au",
  "calcule_le",
  "indicateur",
  "libelle",
  "definition",
  "unite",
  "valeur",
  "echantillon",
  "publie",
  "objectif",
] as const;

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Array<string | number | null | undefined>) => `${cells.map(cell).join(";")}\r\n`;

export function resultsCsv(snapshot: ResultsSnapshot): string {
  const rows = snapshot.indicators.map((indicator) =>
    line([
      snapshot.schema,
      snapshot.organisation.name,
      snapshot.period.from,
      snapshot.period.to,
      snapshot.computedAt,
      indicator.id,
      indicator.label,
      indicator.definition,
      indicator.unit,
      indicator.shown ? indicator.value : null,
      indicator.n,
      indicator.shown ? "oui" : "non",
      indicator.target,
    ]),
  );
  return BOM + line([...RESULTS_CSV_COLUMNS]) + rows.join("");
}

export function resultsJson(snapshot: ResultsSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
