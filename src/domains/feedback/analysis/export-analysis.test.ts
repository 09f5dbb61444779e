import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeChange } from "./analysis-labels.ts";
import type { IndicatorsReport } from "./compute-indicators.ts";
import { answersCsv, answersJson, CSV_BOM, csvCell, indicatorsCsv } from "./export-analysis.ts";
import { compareIndicators, indicatorsFromSums } from "./indicators.ts";
import type { AnswerExportRow } from "./list-answers-for-export.ts";
import { EMPTY_SUMS } from "./rollup-sums.ts";

const row = (overrides: Partial<AnswerExportRow>): AnswerExportRow => ({
  id: "00000000-0000-4000-8000-000000000001",
  submittedAt: new Date("2026-03-31T21:30:00Z"),
  kind: "jdma",
  channel: "counter",
  topic: "F1341",
  satisfaction: 5,
  clarity: 4,
  helpSought: ["guichet", "telephone"],
  autonomous: false,
  helpTried: 2,
  helpReached: 1,
  helpQuality: 3.5,
  csat: null,
  nps: null,
  verbatim: null,
  sentiment: -0.25,
  verbatimTopics: ["delais", "accueil"],
  ...overrides,
});

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function* batches(...groups: AnswerExportRow[][]) {
  yield* groups;
}

describe("CSV export", () => {
  it("quotes as RFC 4180 and defuses formulas in text, not in our numbers", () => {
    assert.equal(csvCell('Il a dit "non"; puis\nrien'), '"Il a dit ""non""; puis\nrien"');
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    for (const start of ["+", "-", "@", "\t", "\r"])
      assert.equal(
        csvCell(`${start}1`).startsWith(`'${start}`) || csvCell(`${start}1`).startsWith(`"'${start}`),
        true,
        start,
      );
    assert.equal(csvCell(-0.25), "-0,25");
    assert.equal(csvCell(42), "42");
    assert.equal(csvCell(null), "");
  });

  it("writes the answers with French headers, a BOM, ';', CRLF, Paris time, labels, and no e-mail column", async () => {
    const csv = await collect(
      answersCsv(
        batches(
          [row({ verbatim: "=cmd|' /C calc'!A0 ; trop long" })],
          [row({ channel: "web", autonomous: true, verbatimTopics: [] })],
        ),
      ),
    );
    assert.ok(csv.startsWith(CSV_BOM));
    const lines = csv.slice(1).split("\r\n");
    assert.equal(lines.length, 4);
    assert.match(
      lines[0] ?? "",
      /^Date \(heure de Paris\);Questionnaire;Canal;Démarche ou sujet;Satisfaction \(\/10\);/,
    );
    assert.doesNotMatch(csv, /mail/i);
    assert.equal(
      lines[1],
      "31/03/2026 23:30;Je donne mon avis;Accueil sur place;F1341;5;4;guichet, telephone;non;2;1;3,5;;;\"'=cmd|' /C calc'!A0 ; trop long\";-0,25;Délais, Accueil au guichet",
    );
    assert.match(lines[2] ?? "", /;Site internet;F1341;.*;oui;/);
  });

  it("exports the indicators with their n, previous value and change", () => {
    const current = indicatorsFromSums({
      ...EMPTY_SUMS,
      answers: 4,
      satisfaction_n: 4,
      satisfaction_sum: 25,
      satisfied_n: 2,
      dissatisfied_n: 1,
    });
    const previous = indicatorsFromSums({
      ...EMPTY_SUMS,
      answers: 1,
      satisfaction_n: 1,
      satisfaction_sum: 5,
    });
    const report: IndicatorsReport = {
      period: { from: "2026-03-01", to: "2026-04-01" },
      previousPeriod: { from: "2026-01-29", to: "2026-03-01" },
      filters: {},
      indicators: compareIndicators(current, previous),
    };
    const lines = indicatorsCsv(report).slice(1).split("\r\n");
    assert.equal(
      lines[0],
      "Indicateur;Valeur;Unité;Échantillon (n);Période précédente;Évolution;Du;Au (exclu)",
    );
    assert.equal(lines[1], "Réponses;4;;4;1;3;2026-03-01;2026-04-01");
    // 6.25 and its change 1.25, shown with one decimal.
    assert.equal(lines[2], "Satisfaction globale;6,3;/10;4;5;1,3;2026-03-01;2026-04-01");
    assert.equal(lines[3], "Part « Très bien »;50;%;4;0;50;2026-03-01;2026-04-01");
    assert.match(indicatorsCsv(report), /Clarté de l'information;;\/5;0;;;/);
  });

  it("streams the answers as a JSON array", async () => {
    const json = await collect(answersJson(batches([row({})], [], [row({ channel: "phone" })])));
    const parsed = JSON.parse(json) as AnswerExportRow[];
    assert.deepEqual(
      parsed.map((r) => r.channel),
      ["counter", "phone"],
    );
    assert.equal(JSON.parse(await collect(answersJson(batches()))).length, 0);
  });
});

describe("describeChange", () => {
  it("says the change in words and whether it is better", () => {
    assert.deepEqual(describeChange("satisfaction", 1.25), {
      arrow: "↑",
      text: "en hausse de 1,3",
      tone: "better",
    });
    assert.deepEqual(describeChange("dissatisfiedShare", 12.5), {
      arrow: "↑",
      text: "en hausse de 12,5 points",
      tone: "worse",
    });
    assert.deepEqual(describeChange("autonomy", -1), {
      arrow: "↓",
      text: "en baisse de 1,0 point",
      tone: "worse",
    });
    assert.deepEqual(describeChange("clarity", 0.001), { arrow: "→", text: "stable", tone: "same" });
    assert.deepEqual(describeChange("nps", null), { arrow: "", text: "pas de comparaison", tone: "none" });
  });
});
