import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RESULTS_CSV_COLUMNS, resultsCsv, resultsJson } from "./export-results.ts";
import { csvNumber, readResultsCsv } from "./read-results-csv.ts";
import type { ResultsSnapshot } from "./results-snapshot.ts";

const snapshot: ResultsSnapshot = {
  schema: "guichet.resultats/v1",
  organisation: { name: 'Ville de "Démo"; Nord' },
  period: { from: "2026-03-01", to: "2026-03-31" },
  computedAt: "2026-04-02T07:00:00.000Z",
  minSample: 10,
  indicators: [
    {
      id: "engagement.11111111-1111-4111-8111-111111111111",
      label: "=Réponse sous 5 jours",
      definition: "Part des demandes ; avec un point-virgule",
      unit: "percent",
      value: 85.5,
      n: 40,
      shown: true,
      target: 85,
    },
    {
      id: "jdma.clarte",
      label: "Clarté",
      definition: "Moyenne",
      unit: "score5",
      value: null,
      n: 9,
      shown: false,
    },
    {
      id: "satisfaction.nette",
      label: "Nette",
      definition: "Écart",
      unit: "points",
      value: -12.5,
      n: 30,
      shown: true,
    },
  ],
  series: [],
};

describe("results exports", () => {
  const csv = resultsCsv(snapshot);

  it("writes a CSV for French spreadsheets: BOM, ';', CRLF, decimal comma, fixed columns", () => {
    assert.ok(csv.startsWith(`\uFEFF${RESULTS_CSV_COLUMNS.join(";")}\r\n`));
    assert.equal(csv.split("\r\n").length, 5);
    assert.match(csv, /;percent;85,5;40;oui;85\r\n/);
    assert.match(csv, /;jdma\.clarte;Clarté;Moyenne;score5;;9;non;\r\n/);
    assert.match(csv, /;points;-12,5;30;oui;\r\n/);
    // Quoted where needed; a label that looks like a formula is defused.
    assert.match(csv, /^\uFEFF[^\r]*\r\nguichet\.resultats\/v1;"Ville de ""Démo""; Nord";2026-03-01;/);
    assert.match(csv, /;'=Réponse sous 5 jours;"Part des demandes ; avec un point-virgule";/);
  });

  it("reads back figure for figure", () => {
    const rows = readResultsCsv(csv);
    assert.deepEqual(
      rows.map((row) => [
        row.indicateur,
        csvNumber(row.valeur),
        Number(row.echantillon),
        row.publie,
        csvNumber(row.objectif),
      ]),
      snapshot.indicators.map((i) => [i.id, i.value, i.n, i.shown ? "oui" : "non", i.target ?? null]),
    );
    assert.equal(rows[0]?.organisation, 'Ville de "Démo"; Nord');
  });

  it("serves the snapshot itself as JSON", () => {
    assert.deepEqual(JSON.parse(resultsJson(snapshot)), snapshot);
  });
});
