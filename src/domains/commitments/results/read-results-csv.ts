/**
 * Reads back the CSV of export-results.ts into one record per indicator, numbers as numbers: the
 * round trip the open-data tests check, and a reference for anyone consuming the file.
 */
import { RESULTS_CSV_COLUMNS } from "./export-results.ts";

export type ResultsCsvRow = Record<(typeof RESULTS_CSV_COLUMNS)[number], string>;

/** RFC 4180 with ";" (quoted cells may hold ";", quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export function readResultsCsv(text: string): ResultsCsvRow[] {
  const [head, ...rows] = parseCsv(text);
  if (!head || head.join(";") !== RESULTS_CSV_COLUMNS.join(";"))
    throw new Error("unexpected results CSV columns");
  return rows.map(
    (cells) => Object.fromEntries(head.map((name, i) => [name, cells[i] ?? ""])) as ResultsCsvRow,
  );
}

/** "85,5" → 85.5, "" → null. */
export function csvNumber(cell: string): number | null {
  return cell === "" ? null : Number(cell.replace(",", "."));
}
