/**
 * Search latency on the full package index: retrieval alone (`querySearchIndex`, ranking and
 * snippets; target p95 ≤ 5 ms on 2 cores), then behind the real HTTP route (`app.inject`, so
 * validation and serialisation are counted too; target p95 ≤ 15 ms).
 *   npx tsx bench/search-latency.ts [eval.jsonl]
 */
import fs from "node:fs";
import { loadPackageFicheRecords } from "../src/domains/knowledge/search/package-corpus.ts";
import type { SearchEngine } from "../src/domains/knowledge/search/search.types.ts";
import { ficheToDocument } from "../src/domains/knowledge/search/search-documents.ts";
import { buildSearchIndex, querySearchIndex } from "../src/domains/knowledge/search/search-index.ts";
import { createTestApp } from "../test/helpers/test-app.ts";

const file = process.argv[2] ?? "/work/shared/eval/qr-dev.jsonl";
const questions = fs.existsSync(file)
  ? fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { question: string }).question)
  : [];
const keywords = [
  "refaire ma carte d'identité",
  "perte passeport",
  "inscription liste électorale",
  "acte de naissance",
  "CNI",
  "RSA",
  "APL étudiant",
  "pacs",
  "carte grise",
  "permis",
  "impots",
  "chomage",
  "retraite",
  "naissance",
  "mariage mairie",
  "divorce",
  "allocations familiales",
  "déménagement",
  "TVA",
  "auto-entrepreneur",
  "pasport perdu",
  "inscri",
  "aide au logement sans emploi",
  "papiers",
  "a",
];
const queries = [...keywords, ...questions];

const buildStart = performance.now();
const index = buildSearchIndex(loadPackageFicheRecords().map(ficheToDocument));
console.log(
  `index of ${index.documents.size} documents built in ${(performance.now() - buildStart).toFixed(0)} ms`,
);
const at = (timings: number[], q: number) =>
  (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0).toFixed(2);

for (const q of queries) querySearchIndex(index, { text: q, limit: 10 }); // warm-up
const direct: number[] = [];
for (let round = 0; round < 2; round++) {
  for (const q of queries) {
    const start = performance.now();
    querySearchIndex(index, { text: q, limit: 10 });
    direct.push(performance.now() - start);
  }
}
direct.sort((a, b) => a - b);
console.log(`querySearchIndex, ${direct.length} queries`);
console.log(
  `median ${at(direct, 0.5)} ms  p95 ${at(direct, 0.95)} ms  max ${at(direct, 1)} ms  (target p95 ≤ 5 ms)`,
);

const search: SearchEngine = {
  search: async (request) => querySearchIndex(index, { ...request, limit: request.limit ?? 10 }),
};
const { app, close } = await createTestApp({ deps: { search } });

for (const q of queries.slice(0, 30)) await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`); // warm-up
const timings: number[] = [];
for (let round = 0; round < 2; round++) {
  for (const q of queries) {
    const start = performance.now();
    const response = await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
    timings.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} for ${q}`);
  }
}
await close();
timings.sort((a, b) => a - b);
console.log(`GET /api/v1/search, ${timings.length} requests (${queries.length} distinct queries)`);
console.log(
  `median ${at(timings, 0.5)} ms  p95 ${at(timings, 0.95)} ms  p99 ${at(timings, 0.99)} ms  max ${at(timings, 1)} ms  (target p95 ≤ 15 ms)`,
);
