/**
 * Exports of the analysis for spreadsheets and other tools. CSV for French Excel: ";" separator, UTF-8
 * BOM, CRLF, RFC 4180 quoting, decimal comma, and text cells that start with = + - @ (or tab, CR) prefixed
 * with "'" so a spreadsheet never runs them as formulas. Numbers we write ourselves are left as numbers.
 * The contact e-mail is never exported: the analysis is anonymous, the e-mail only serves a reply.
 */

import { answerTopicLabel, channelLabel, INDICATOR_LABELS, KIND_LABELS } from "./analysis-labels.ts";
import type { IndicatorsReport } from "./compute-indicators.ts";
import { INDICATOR_KEYS } from "./indicators.ts";
import type { AnswerExportRow } from "./list-answers-for-export.ts";
import { verbatimTopicLabel } from "./verbatim-topics.ts";

export const CSV_BOM = "\uFEFF";
const SEPARATOR = ";";
const LINE_END = "\r\n";
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null;

/** One CSV cell: numbers with a decimal comma, text defused and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  // Stored reals (0.800000011920929) are cut to 4 decimals; figures already rounded keep theirs.
  if (typeof value === "number") return String(Number(value.toFixed(4))).replace(".", ",");
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CsvValue[]): string {
  return values.map((value) => csvCell(value)).join(SEPARATOR) + LINE_END;
}

export function indicatorsCsv(report: IndicatorsReport): string {
  const { indicators } = report;
  const lines = [
    csvLine([
      "Indicateur",
      "Valeur",
      "Unité",
      "Échantillon (n)",
      "Période précédente",
      "Évolution",
      "Du",
      "Au (exclu)",
    ]),
    csvLine([
      "Réponses",
      indicators.answers,
      "",
      indicators.answers,
      indicators.previousAnswers,
      indicators.answers - indicators.previousAnswers,
      report.period.from,
      report.period.to,
    ]),
  ];
  for (const key of INDICATOR_KEYS) {
    const { label, unit, decimals } = INDICATOR_LABELS[key];
    const indicator = indicators[key];
    const round = (value: number | null) => (value === null ? null : Number(value.toFixed(decimals)));
    lines.push(
      csvLine([
        label,
        round(indicator.value),
        unit,
        indicator.n,
        round(indicator.previous.value),
        round(indicator.change),
        report.period.from,
        report.period.to,
      ]),
    );
  }
  return CSV_BOM + lines.join("");
}

export function indicatorsJson(report: IndicatorsReport): string {
  return JSON.stringify({ ...report, labels: INDICATOR_LABELS }, null, 2);
}

const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "short",
  timeStyle: "short",
});

export const ANSWERS_CSV_HEADER = csvLine([
  "Date (heure de Paris)",
  "Questionnaire",
  "Canal",
  "Démarche ou sujet",
  "Satisfaction (/10)",
  "Clarté (/5)",
  "Aide recherchée",
  "Sans besoin d'aide",
  "Canaux essayés",
  "Canaux joints",
  "Qualité de l'aide (/5)",
  "CSAT (/5)",
  "NPS (0-10)",
  "Commentaire",
  "Tonalité (-1 à 1)",
  "Thèmes du commentaire",
]);

export function answerCsvLine(row: AnswerExportRow): string {
  return csvLine([
    PARIS_TIME.format(row.submittedAt),
    KIND_LABELS[row.kind],
    channelLabel(row.channel),
    answerTopicLabel(row.topic),
    row.satisfaction,
    row.clarity,
    (row.helpSought ?? []).join(", "),
    row.autonomous === null ? null : row.autonomous ? "oui" : "non",
    row.helpTried,
    row.helpReached,
    row.helpQuality,
    row.csat,
    row.nps,
    row.verbatim,
    row.sentiment,
    row.verbatimTopics.map(verbatimTopicLabel).join(", "),
  ]);
}

/** The answers of a period as CSV, batch by batch (a year can hold a million answers). */
export async function* answersCsv(batches: AsyncIterable<AnswerExportRow[]>): AsyncGenerator<string> {
  yield CSV_BOM + ANSWERS_CSV_HEADER;
  for await (const batch of batches) yield batch.map(answerCsvLine).join("");
}

/** The same answers as a JSON array, streamed. */
export async function* answersJson(batches: AsyncIterable<AnswerExportRow[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const batch of batches) {
    for (const row of batch) {
      yield `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
      first = false;
    }
  }
  yield "\n]\n";
}
