/**
 * Retrieval quality on an eval file (protocol: /work/shared/eval/README.md): one question a line
 * with the ids that answer it; `exclude` ids are dropped from the ranking before the top 10 is
 * scored. Shared by `npm run eval` and the tuning bench so both count the same way.
 */
import { AppError } from "../../../shared/app-error.ts";

export type EvalQuestion = {
  question: string;
  relevant: string[];
  exclude: string[];
  audience: string[];
  /** Line of the file, from 1: halves and error messages refer to it. */
  line: number;
};

export type QuestionScore = {
  /** Rank of the first relevant id in the scored top 10, from 0; -1 when none is there. */
  firstRank: number;
  recall5: number;
};

export type RetrievalMetrics = { n: number; hit1: number; hit5: number; recall5: number; mrr10: number };

export const SCORED_DEPTH = 10;

function invalid(line: number, reason: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `eval file line ${line}: ${reason}`,
    userMessage: `Ligne ${line} du fichier d'évaluation : ${reason}`,
  });
}

function stringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" && item.length > 0);
}

/** Parses a JSONL eval file; blank lines are skipped, anything else malformed is refused with its line. */
export function parseEvalQuestions(text: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalid(line, "ce n'est pas un objet JSON valide.");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw invalid(line, "un objet JSON est attendu.");
    const { question, relevant, exclude = [], audience = [] } = value as Record<string, unknown>;
    if (typeof question !== "string" || !question.trim())
      throw invalid(line, "le champ « question » doit être un texte non vide.");
    if (!stringList(relevant) || relevant.length === 0)
      throw invalid(line, "le champ « relevant » doit être une liste non vide d'identifiants.");
    if (!stringList(exclude)) throw invalid(line, "le champ « exclude » doit être une liste d'identifiants.");
    if (!stringList(audience)) throw invalid(line, "le champ « audience » doit être une liste de publics.");
    questions.push({ question, relevant, exclude, audience, line });
  });
  if (questions.length === 0)
    throw new AppError("BAD_REQUEST", {
      message: "eval file without questions",
      userMessage: "Le fichier d'évaluation ne contient aucune question.",
    });
  return questions;
}

/** Scores one ranking (ids, best first, possibly holding excluded ids and more than 10). */
export function scoreRanking(ranked: readonly string[], question: EvalQuestion): QuestionScore {
  const exclude = new Set(question.exclude);
  const relevant = new Set(question.relevant);
  const top = ranked.filter((id) => !exclude.has(id)).slice(0, SCORED_DEPTH);
  const found = top.slice(0, 5).filter((id) => relevant.has(id)).length;
  return { firstRank: top.findIndex((id) => relevant.has(id)), recall5: found / relevant.size };
}

export function summariseScores(scores: readonly QuestionScore[]): RetrievalMetrics {
  const n = scores.length;
  const mean = (value: (score: QuestionScore) => number) =>
    n === 0 ? 0 : scores.reduce((sum, score) => sum + value(score), 0) / n;
  return {
    n,
    hit1: mean((s) => (s.firstRank === 0 ? 1 : 0)),
    hit5: mean((s) => (s.firstRank >= 0 && s.firstRank < 5 ? 1 : 0)),
    recall5: mean((s) => s.recall5),
    mrr10: mean((s) => (s.firstRank >= 0 ? 1 / (s.firstRank + 1) : 0)),
  };
}

/** Nearest-rank quantile of `values` (0 for none). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export type EvaluatedQuestion = EvalQuestion & QuestionScore & { ranked: string[]; latencyMs: number };

/**
 * Runs every question through `rank` (ids best first; it is asked for enough ids to leave 10 once
 * the excluded ones are dropped) and times each call. With `warmUp`, every question is asked once
 * untimed first, so latencies are those of a warm server rather than of the JIT compiler.
 */
export function evaluateRetrieval(options: {
  questions: readonly EvalQuestion[];
  rank: (question: EvalQuestion, limit: number) => string[];
  warmUp?: boolean;
}): EvaluatedQuestion[] {
  if (options.warmUp)
    for (const question of options.questions) options.rank(question, SCORED_DEPTH + question.exclude.length);
  return options.questions.map((question) => {
    const start = performance.now();
    const ranked = options.rank(question, SCORED_DEPTH + question.exclude.length);
    const latencyMs = performance.now() - start;
    return { ...question, ...scoreRanking(ranked, question), ranked, latencyMs };
  });
}
