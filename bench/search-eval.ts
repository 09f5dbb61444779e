/**
 * Retrieval quality of search on an eval file (default /work/shared/eval/qr-dev.jsonl), over every
 * fiche of the npm package, indexed exactly as the product does (no database needed).
 *   npx tsx bench/search-eval.ts [file.jsonl] [--audience] [--misses]
 * --audience filters by the question's audience, --misses lists the questions not found in the top 5.
 * Figures are printed for the whole file and for its two halves (A: lines 1, 3, 5…; B: lines 2, 4…):
 * ranking changes are tuned on A and kept only if B, held out, agrees.
 */
import fs from "node:fs";
import { loadPackageFicheRecords } from "../src/domains/knowledge/search/package-corpus.ts";
import type { Audience } from "../src/domains/knowledge/search/search.types.ts";
import { ficheToDocument } from "../src/domains/knowledge/search/search-documents.ts";
import { buildSearchIndex, querySearchIndex } from "../src/domains/knowledge/search/search-index.ts";

type EvalItem = { question: string; relevant: string[]; exclude?: string[]; audience?: string[] };

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "/work/shared/eval/qr-dev.jsonl";
const useAudience = args.includes("--audience");
const showMisses = args.includes("--misses");
const items = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as EvalItem);

const heapBefore = process.memoryUsage().heapUsed;
const loadStart = performance.now();
const records = loadPackageFicheRecords();
const loadMs = performance.now() - loadStart;
globalThis.gc?.();
const heapAfterLoad = process.memoryUsage().heapUsed;
const buildStart = performance.now();
const index = buildSearchIndex(records.map(ficheToDocument));
const buildMs = performance.now() - buildStart;
globalThis.gc?.();
const heapAfterBuild = process.memoryUsage().heapUsed;

type Scores = { n: number; hit1: number; hit5: number; recall5: number; mrr: number };
const empty = (): Scores => ({ n: 0, hit1: 0, hit5: 0, recall5: 0, mrr: 0 });
const totals = { all: empty(), A: empty(), B: empty() };
const latencies: number[] = [];
const misses: string[] = [];
items.forEach((item, line) => {
  const exclude = new Set(item.exclude ?? []);
  const audience = useAudience ? (item.audience?.[0] as Audience | undefined) : undefined;
  const start = performance.now();
  const hits = querySearchIndex(index, { text: item.question, audience, limit: 10 + exclude.size });
  latencies.push(performance.now() - start);
  const ranked = hits
    .map((h) => h.id)
    .filter((id) => !exclude.has(id))
    .slice(0, 10);
  const relevant = new Set(item.relevant);
  const firstRank = ranked.findIndex((id) => relevant.has(id));
  for (const scores of [totals.all, line % 2 === 0 ? totals.A : totals.B]) {
    scores.n++;
    if (firstRank === 0) scores.hit1++;
    if (firstRank >= 0 && firstRank < 5) scores.hit5++;
    if (firstRank >= 0) scores.mrr += 1 / (firstRank + 1);
    scores.recall5 += ranked.slice(0, 5).filter((id) => relevant.has(id)).length / relevant.size;
  }
  if (showMisses && (firstRank < 0 || firstRank >= 5)) {
    const titles = ranked.slice(0, 3).map((id) => `${id} ${index.documents.get(id)?.title}`);
    misses.push(`✗ ${item.question}\n   attendu ${item.relevant.join(", ")} · obtenu ${titles.join(" | ")}`);
  }
});
latencies.sort((a, b) => a - b);
const quantile = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

if (showMisses) console.log(misses.join("\n"));
console.log(`eval ${file} — ${items.length} questions${useAudience ? ", filtered by audience" : ""}`);
console.log(`documents ${index.documents.size}`);
for (const [label, s] of Object.entries(totals)) {
  const f = (value: number) => (value / Math.max(1, s.n)).toFixed(3);
  console.log(
    `${label.padEnd(3)} (${s.n}) hit@1 ${f(s.hit1)}  hit@5 ${f(s.hit5)}  recall@5 ${f(s.recall5)}  MRR@10 ${f(s.mrr)}`,
  );
}
console.log(`query latency median ${quantile(0.5).toFixed(2)} ms, p95 ${quantile(0.95).toFixed(2)} ms`);
console.log(`load from package ${loadMs.toFixed(0)} ms; index build ${buildMs.toFixed(0)} ms`);
console.log(
  `heap: records ${mb(heapAfterLoad - heapBefore)}, index ${mb(heapAfterBuild - heapAfterLoad)}, total ${mb(heapAfterBuild)}${globalThis.gc ? "" : " (run with --expose-gc for exact figures)"}`,
);
