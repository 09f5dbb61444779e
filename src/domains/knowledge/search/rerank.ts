/**
 * Second pass over the best BM25F pages, reading each page's terms in order (cheap: a few dozen
 * pages): phrases typed side by side, and question pages judged on their own question.
 */
import { conceptShare, type ProximityQuery, phraseShare, type TermSequence } from "./proximity.ts";

export type RerankSettings = {
  /** How many of the best pages are read. */
  depth: number;
  /** A page holding every adjacent pair of the query side by side gains this share of its score. */
  phraseWeight: number;
  /**
   * A question page (one question and its answer) keeps this share of its score when its question
   * holds none of the query's words, all of it when it holds them all: it answers that question,
   * not a neighbouring one.
   */
  questionFloor: number;
};

export type RerankIndex = {
  sequences: readonly TermSequence[];
  /** Number of terms of the title (and alternative questions) at the start of each sequence. */
  heads: Uint16Array;
  /** 1 for pages that answer one question (service-public.fr Q&R, a town's FAQ entry). */
  questionPages: Uint8Array;
};

/** Share of the query (by idf) that a page's title and alternative questions hold, 0..1. */
export function titleShare(index: RerankIndex, query: ProximityQuery, doc: number): number {
  const sequence = index.sequences[doc] as TermSequence;
  return Math.min(1, conceptShare(sequence, query, 0, index.heads[doc] as number));
}

/** The share of its score a question page keeps for this query (1 for other pages). */
export function questionFactor(
  index: RerankIndex,
  query: ProximityQuery,
  doc: number,
  floor: number,
): number {
  if (floor >= 1 || index.questionPages[doc] !== 1) return 1;
  const asked = titleShare(index, query, doc);
  return floor + (1 - floor) * asked * asked;
}

export function rerank(
  index: RerankIndex,
  query: ProximityQuery,
  ranked: { doc: number; score: number }[],
  settings: RerankSettings,
): void {
  const top = ranked.slice(0, settings.depth);
  for (const entry of top) {
    if (settings.phraseWeight > 0 && query.pairs.length > 0)
      entry.score *=
        1 + settings.phraseWeight * phraseShare(index.sequences[entry.doc] as TermSequence, query);
    entry.score *= questionFactor(index, query, entry.doc, settings.questionFloor);
  }
  top.sort((a, b) => b.score - a.score);
  ranked.splice(0, top.length, ...top);
}
