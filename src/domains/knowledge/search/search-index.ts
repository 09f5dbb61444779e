/**
 * The in-memory index of one organisation: BM25F over analysed French terms, with field weights,
 * a per-document prior, query-time synonyms, prefix completion of the last word, spelling
 * tolerance for unknown words; then a second pass over the best pages (phrases, question pages,
 * rerank.ts) and folder smoothing; snippets come from precomputed passages.
 */

import {
  type Bm25fIndex,
  buildBm25f,
  type FieldSpec,
  idf,
  prefixExpansions,
  spellingVariants,
} from "./bm25f.ts";
import { smoothByFolder } from "./folder-smoothing.ts";
import { analyse } from "./french-analyzer.ts";
import type { ProximityQuery, TermSequence } from "./proximity.ts";
import { questionFactor, rerank, titleShare } from "./rerank.ts";
import type { Audience, SearchHit } from "./search.types.ts";
import type { SearchDocument } from "./search-documents.ts";
import { buildPassages, type DocumentPassages, snippetFromPassages } from "./snippet.ts";
import { synonymTerms } from "./synonyms.ts";

const FIELDS = ["title", "questions", "description", "context", "body"] as const;
type Field = (typeof FIELDS)[number];

/** Tuned on half A of the eval set with bench/search-eval.ts, checked on half B (ADR 0002). */
export const RANKING = {
  fields: {
    title: { weight: 6, b: 0.5 },
    questions: { weight: 5, b: 0.5 },
    description: { weight: 2, b: 0.6 },
    context: { weight: 1.5, b: 0.3 },
    body: { weight: 1, b: 0.75 },
  } satisfies Record<Field, FieldSpec>,
  k1: 2,
  /** Synonyms widen the net but must not outrank the words the person typed. */
  synonymWeight: 0.5,
  prefixWeight: 0.5,
  spellingWeight: 0.7,
  /** Share of the score that depends on how many of the typed words a document holds. */
  coverage: 0.5,
  /** Second pass over the best pages (rerank.ts): adjacent query words, question pages. */
  rerankDepth: 50,
  phraseWeight: 0.3,
  questionFloor: 0.5,
  /** Folder smoothing: a document gains this share of the votes for its folder. */
  folderShare: 0.3,
  /** How many of the best ranked pages vote for their folder. */
  folderDepth: 5,
  /**
   * A page votes with its score times (its score / the best score) to this power: the folder of
   * the best page counts most, a fifth page far behind barely counts.
   */
  folderVotePower: 1,
};

/** The fields whose term order proximity reads (the breadcrumb is not prose). */
const SEQUENCE_FIELDS: readonly number[] = (["title", "questions", "description", "body"] as const).map((f) =>
  FIELDS.indexOf(f),
);

const AUDIENCE_BITS: Record<Audience, number> = { particuliers: 1, professionnels: 2, associations: 4 };

export type SearchIndex = {
  bm25: Bm25fIndex;
  list: SearchDocument[];
  documents: Map<string, SearchDocument>;
  priors: Float32Array;
  audiences: Uint8Array;
  /** Folder number of each document, -1 when it belongs to none. */
  folders: Int32Array;
  folderCount: number;
  /** Vocabulary position of each term, the numbers snippet passages are stored with. */
  termNumbers: Map<string, number>;
  passages: DocumentPassages[];
  /** Analysed terms of each document (title, questions, description, body), as vocabulary numbers. */
  sequences: TermSequence[];
  /** Number of terms of the title and alternative questions at the start of each sequence. */
  heads: Uint16Array;
  questionPages: Uint8Array;
  /** Scratch table (term number → query concept, -1), reset after each query. */
  conceptTable: Int32Array;
};

/** The texts a snippet is taken from, in order of preference. */
function snippetTexts(document: SearchDocument): string[] {
  return [document.description, document.questions, document.body];
}

export function buildSearchIndex(documents: Iterable<SearchDocument>): SearchIndex {
  const byId = new Map<string, SearchDocument>();
  for (const document of documents) byId.set(document.id, document);
  const list = [...byId.values()];
  const fieldTerms = list.map((document) => FIELDS.map((field) => analyse(document[field])));
  const bm25 = buildBm25f(
    fieldTerms,
    FIELDS.map((field) => RANKING.fields[field]),
    RANKING.k1,
  );
  const priors = Float32Array.from(list, (document) => document.prior);
  const audiences = Uint8Array.from(list, (document) =>
    document.audiences === null ? 7 : document.audiences.reduce((bits, a) => bits | AUDIENCE_BITS[a], 0),
  );
  const folderNumbers = new Map<string, number>();
  const folders = Int32Array.from(list, (document) => {
    if (document.folder === null) return -1;
    let number = folderNumbers.get(document.folder);
    if (number === undefined) {
      number = folderNumbers.size;
      folderNumbers.set(document.folder, number);
    }
    return number;
  });
  const termNumbers = new Map(bm25.vocabulary.map((term, number) => [term, number]));
  const wide = termNumbers.size > 0xffff;
  const passages = list.map((document) =>
    buildPassages(snippetTexts(document), (term) => termNumbers.get(term), wide),
  );
  const sequences = fieldTerms.map((fields) => {
    const numbers: number[] = [];
    for (const f of SEQUENCE_FIELDS)
      for (const term of fields[f] ?? []) numbers.push(termNumbers.get(term) as number);
    return wide ? Uint32Array.from(numbers) : Uint16Array.from(numbers);
  });
  const heads = Uint16Array.from(fieldTerms, (fields) =>
    Math.min(0xffff, (fields[0]?.length ?? 0) + (fields[1]?.length ?? 0)),
  );
  return {
    bm25,
    list,
    sequences,
    heads,
    questionPages: Uint8Array.from(list, (document) => (document.answersOneQuestion ? 1 : 0)),
    conceptTable: new Int32Array(termNumbers.size).fill(-1),
    documents: byId,
    priors,
    audiences,
    folders,
    folderCount: folderNumbers.size,
    termNumbers,
    passages,
  };
}

export type IndexQuery = { text: string; audience?: Audience | undefined; limit: number };

type Concept = { variants: { term: string; weight: number }[]; typed: boolean };

function queryConcepts(index: SearchIndex, text: string): { concepts: Concept[]; order: number[] } {
  const terms = analyse(text);
  const typed = [...new Set(terms)];
  const concepts: Concept[] = typed.map((term, position) => {
    const variants = [{ term, weight: 1 }];
    const known = index.bm25.postings.has(term);
    if (!known && term.length >= 4 && !/\d/.test(term)) {
      for (const variant of spellingVariants(index.bm25, term, 3))
        variants.push({ term: variant, weight: RANKING.spellingWeight });
    }
    // The last word may be still being typed ("inscri").
    if (position === typed.length - 1 && term.length >= 4) {
      for (const variant of prefixExpansions(index.bm25, term, 5))
        variants.push({ term: variant, weight: RANKING.prefixWeight });
    }
    return { variants, typed: true };
  });
  for (const term of synonymTerms(typed))
    concepts.push({ variants: [{ term, weight: RANKING.synonymWeight }], typed: false });
  return { concepts, order: terms.map((term) => typed.indexOf(term)) };
}

/**
 * Fills the index's concept table for this query (the caller must `releaseProximityQuery`).
 * Concepts weigh their rarest variant's idf, the typed ones summing to 1; pairs are the typed
 * words side by side, weighing the lighter of the two.
 */
function proximityQuery(index: SearchIndex, concepts: Concept[], order: number[]): ProximityQuery {
  const conceptOf = index.conceptTable;
  const weights: number[] = [];
  let typedTotal = 0;
  concepts.forEach((concept, number) => {
    let weight = 0;
    for (const variant of concept.variants) {
      const termNumber = index.termNumbers.get(variant.term);
      if (termNumber === undefined) continue;
      if ((conceptOf[termNumber] as number) < 0) conceptOf[termNumber] = number;
      weight = Math.max(weight, variant.weight * idf(index.bm25, variant.term));
    }
    weights.push(weight);
    if (concept.typed) typedTotal += weight;
  });
  const normalised = weights.map((weight) => weight / Math.max(typedTotal, 1e-9));
  const pairs: ProximityQuery["pairs"][number][] = [];
  for (let i = 0; i + 1 < order.length; i++) {
    const first = order[i] as number;
    const second = order[i + 1] as number;
    if (first === second || pairs.some((p) => p.first === first && p.second === second)) continue;
    const weight = Math.min(normalised[first] as number, normalised[second] as number);
    if (weight > 0) pairs.push({ first, second, weight });
  }
  return { conceptOf, weights: normalised, pairs };
}

function releaseProximityQuery(index: SearchIndex, concepts: Concept[]): void {
  for (const concept of concepts)
    for (const variant of concept.variants) {
      const termNumber = index.termNumbers.get(variant.term);
      if (termNumber !== undefined) index.conceptTable[termNumber] = -1;
    }
}

/** Ranked document numbers with their scores, best first. */
export function rankDocuments(index: SearchIndex, query: Omit<IndexQuery, "limit">) {
  const { concepts, order } = queryConcepts(index, query.text);
  const typedCount = concepts.filter((c) => c.typed).length;
  if (typedCount === 0) return { ranked: [] as { doc: number; score: number }[], concepts };
  const mask = query.audience ? AUDIENCE_BITS[query.audience] : 7;
  const ranked = scoreConcepts(index, concepts, mask, typedCount);
  const proximity = proximityQuery(index, concepts, order);
  try {
    rerank(index, proximity, ranked, {
      depth: RANKING.rerankDepth,
      phraseWeight: RANKING.phraseWeight,
      questionFloor: RANKING.questionFloor,
    });
    if (RANKING.folderShare > 0)
      smoothByFolder(index, ranked, {
        share: RANKING.folderShare,
        depth: RANKING.folderDepth,
        votePower: RANKING.folderVotePower,
        // A question page asking something else is not lifted by its neighbours either.
        liftFactor: (doc) => questionFactor(index, proximity, doc, RANKING.questionFloor),
        titleSaysAll: (doc) => titleShare(index, proximity, doc) >= 0.999,
      });
  } finally {
    releaseProximityQuery(index, concepts);
  }
  return { ranked, concepts };
}

function scoreConcepts(index: SearchIndex, concepts: Concept[], mask: number, typedCount: number) {
  const { bm25 } = index;
  const scores = new Float64Array(bm25.size);
  const matched = new Uint8Array(bm25.size);
  const best = new Float64Array(bm25.size);
  const touched = new Set<number>();
  for (const concept of concepts) {
    const seen: number[] = [];
    for (const variant of concept.variants) {
      const posting = bm25.postings.get(variant.term);
      if (!posting) continue;
      const weight = variant.weight * idf(bm25, variant.term);
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i] as number;
        if (((index.audiences[doc] as number) & mask) === 0) continue;
        const tf = posting.tfs[i] as number;
        const value = (weight * tf) / (bm25.k1 + tf);
        if ((best[doc] as number) === 0) seen.push(doc);
        if (value > (best[doc] as number)) best[doc] = value;
      }
    }
    // A concept counts once per document, through its best variant.
    for (const doc of seen) {
      scores[doc] = (scores[doc] as number) + (best[doc] as number);
      if (concept.typed) matched[doc] = (matched[doc] as number) + 1;
      best[doc] = 0;
      touched.add(doc);
    }
  }
  const ranked: { doc: number; score: number }[] = [];
  for (const doc of touched) {
    const coverage = 1 - RANKING.coverage + (RANKING.coverage * (matched[doc] as number)) / typedCount;
    ranked.push({ doc, score: (scores[doc] as number) * coverage * (index.priors[doc] as number) });
  }
  ranked.sort((a, b) => b.score - a.score);
  return ranked;
}

export function querySearchIndex(index: SearchIndex, query: IndexQuery): SearchHit[] {
  const { ranked, concepts } = rankDocuments(index, query);
  const queryTerms = new Set(concepts.flatMap((concept) => concept.variants.map((variant) => variant.term)));
  const queryNumbers = new Set<number>();
  for (const term of queryTerms) {
    const number = index.termNumbers.get(term);
    if (number !== undefined) queryNumbers.add(number);
  }
  return ranked.slice(0, query.limit).map(({ doc, score }) => {
    const document = index.list[doc] as SearchDocument;
    const { snippet, matchedTerms } = snippetFromPassages({
      texts: snippetTexts(document),
      passages: index.passages[doc] as DocumentPassages,
      queryNumbers,
      queryTerms,
      title: document.title,
    });
    return {
      id: document.id,
      title: document.title,
      type: document.type,
      url: document.url,
      snippet,
      matchedTerms,
      score,
    };
  });
}
