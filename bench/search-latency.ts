/**
 * Search API latency in-process: the full package index behind the real HTTP route
 * (`app.inject`, so validation, search, snippets and serialisation are all counted).
 *   npx tsx bench/search-latency.ts [eval.jsonl]      target: p95 ≤ 15 ms on 2 cores
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
const at = (q: number) =>
  (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0).toFixed(2);
console.log(`GET /api/v1/search, ${timings.length} requests (${queries.length} distinct queries)`);
console.log(
  `median ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  max ${at(1)} ms  (target p95 ≤ 15 ms)`,
);
