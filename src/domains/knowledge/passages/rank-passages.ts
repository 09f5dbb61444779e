/**
 * Which part of a few candidate pages answers a question best: BM25 over the passages of those pages
 * only (idf computed among them), with section titles counting double, since a chapter titled "Coût"
 * is about cost even when its text only gives an amount.
 */
import { analyse } from "../search/french-analyzer.ts";
import type { PagePassages, Passage } from "./passage.ts";

export type WeightedTerm = { term: string; weight: number };

export type RankedPassage = { page: PagePassages; passage: Passage; index: number; score: number };

const K1 = 1.2;
const B = 0.5;
const HEADING_WEIGHT = 2;

type Analysed = {
  page: PagePassages;
  passage: Passage;
  index: number;
  counts: Map<string, number>;
  length: number;
};

/** Term counts of a passage, computed once: pages stay cached, and so do their analyses. */
const analysed = new WeakMap<Passage, { counts: Map<string, number>; length: number }>();

function analysePassage(page: PagePassages, passage: Passage, index: number): Analysed {
  const known = analysed.get(passage);
  if (known) return { page, passage, index, ...known };
  const counts = new Map<string, number>();
  const add = (term: string, by: number) => counts.set(term, (counts.get(term) ?? 0) + by);
  for (const term of analyse(passage.headings.join(" "))) add(term, HEADING_WEIGHT);
  const body = analyse(passage.text);
  for (const term of body) add(term, 1);
  const result = { counts, length: body.length + 1 };
  analysed.set(passage, result);
  return { page, passage, index, ...result };
}

/** Every passage of the given pages, best first (ties keep page order, then reading order). */
export function rankPassages(pages: PagePassages[], terms: WeightedTerm[]): RankedPassage[] {
  const all = pages.flatMap((page) =>
    page.passages.map((passage, index) => analysePassage(page, passage, index)),
  );
  if (all.length === 0) return [];
  const averageLength = all.reduce((sum, a) => sum + a.length, 0) / all.length;
  const documentFrequency = new Map<string, number>();
  for (const { term } of terms) {
    let df = 0;
    for (const a of all) if (a.counts.has(term)) df++;
    documentFrequency.set(term, df);
  }
  const n = all.length;
  const scored = all.map((a, order) => {
    let score = 0;
    for (const { term, weight } of terms) {
      const tf = a.counts.get(term) ?? 0;
      if (tf === 0) continue;
      const df = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += (weight * idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * a.length) / averageLength));
    }
    return { page: a.page, passage: a.passage, index: a.index, score, order };
  });
  scored.sort((x, y) => y.score - x.score || x.order - y.order);
  return scored.map(({ order: _order, ...rest }) => rest);
}
