/**
 * The tuning tool for search ranking (the official figure is `npm run eval`, same scoring code).
 *   node --expose-gc --import tsx bench/search-eval.ts [file.jsonl] [--misses] [--audience]
 *        [--drop-excluded] [--set key.path=value ...]
 * Figures are printed for the whole file and for its two halves (A: lines 1, 3, 5…; B: lines 2, 4…):
 * ranking changes are tuned on A and kept only if B, held out, agrees.
 * --misses          lists the questions whose answers are not in the top 5
 * --audience        filters by the question's first audience
 * --drop-excluded   removes every `exclude` id from the corpus itself, not only from the ranking
 * --set k=v         overrides a value of RANKING (search-index.ts), e.g. --set fields.title.weight=4
 */
import fs from "node:fs";
import {
  type EvaluatedQuestion,
  evaluateRetrieval,
  parseEvalQuestions,
  quantile,
  summariseScores,
} from "../src/domains/knowledge/search/evaluate-retrieval.ts";
import { loadPackageFicheRecords } from "../src/domains/knowledge/search/package-corpus.ts";
import type { Audience } from "../src/domains/knowledge/search/search.types.ts";
import { ficheToDocument } from "../src/domains/knowledge/search/search-documents.ts";
import { buildSearchIndex, querySearchIndex, RANKING } from "../src/domains/knowledge/search/search-index.ts";

const args = process.argv.slice(2);
const file =
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--set") ?? "/work/shared/eval/qr-dev.jsonl";
const useAudience = args.includes("--audience");
const showMisses = args.includes("--misses");
const dropExcluded = args.includes("--drop-excluded");

args.forEach((arg, i) => {
  if (arg !== "--set") return;
  const [keyPath = "", raw = ""] = (args[i + 1] ?? "").split("=");
  const keys = keyPath.split(".");
  let target = RANKING as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1) ?? "";
  if (!target || !(last in target)) throw new Error(`unknown RANKING key ${keyPath}`);
  target[last] = Number(raw);
  console.log(`RANKING.${keyPath} = ${raw}`);
});

const questions = parseEvalQuestions(fs.readFileSync(file, "utf8"));
const excludedIds = new Set(questions.flatMap((q) => q.exclude));

/** JavaScript heap plus typed arrays (postings and term sequences live outside the heap). */
const heap = () => {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const heapBefore = heap();
const loadStart = performance.now();
const records = loadPackageFicheRecords().filter((r) => !dropExcluded || !excludedIds.has(r.id));
const loadMs = performance.now() - loadStart;
const heapAfterLoad = heap();
const buildStart = performance.now();
const index = buildSearchIndex(records.map(ficheToDocument));
const buildMs = performance.now() - buildStart;
const heapAfterBuild = heap();

const results = evaluateRetrieval({
  questions,
  warmUp: true,
  rank: (question, limit) =>
    querySearchIndex(index, {
      text: question.question,
      audience: useAudience ? (question.audience[0] as Audience | undefined) : undefined,
      limit,
    }).map((hit) => hit.id),
});

if (showMisses) {
  for (const r of results.filter((r) => r.firstRank < 0 || r.firstRank >= 5)) {
    const exclude = new Set(r.exclude);
    const top = r.ranked.filter((id) => !exclude.has(id)).slice(0, 3);
    const titles = top.map((id) => `${id} ${index.documents.get(id)?.title}`);
    console.log(`✗ ${r.question}\n   attendu ${r.relevant.join(", ")} · obtenu ${titles.join(" | ")}`);
  }
}
const halves: [string, EvaluatedQuestion[]][] = [
  ["all", results],
  ["A", results.filter((r) => r.line % 2 === 1)],
  ["B", results.filter((r) => r.line % 2 === 0)],
];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `eval ${file} — ${questions.length} questions${useAudience ? ", filtered by audience" : ""}${dropExcluded ? ", excluded pages not indexed" : ""}`,
);
console.log(`documents ${index.documents.size}`);
for (const [label, subset] of halves) {
  const m = summariseScores(subset);
  console.log(
    `${label.padEnd(3)} (${m.n}) hit@1 ${m.hit1.toFixed(3)}  hit@5 ${m.hit5.toFixed(3)}  recall@5 ${m.recall5.toFixed(3)}  MRR@10 ${m.mrr10.toFixed(3)}`,
  );
}
const latencies = results.map((r) => r.latencyMs);
console.log(
  `query latency median ${quantile(latencies, 0.5).toFixed(2)} ms, p95 ${quantile(latencies, 0.95).toFixed(2)} ms`,
);
console.log(`load from package ${loadMs.toFixed(0)} ms; index build ${buildMs.toFixed(0)} ms`);
console.log(
  `memory (heap + typed arrays): records ${mb(heapAfterLoad - heapBefore)}, index ${mb(heapAfterBuild - heapAfterLoad)}, total ${mb(heapAfterBuild)}${globalThis.gc ? "" : " (run with --expose-gc for exact figures)"}`,
);
