/**
 * A small BM25F inverted index. Chosen over MiniSearch after measuring both on the eval set
 * (docs/adr/0002-search.md): BM25F saturates the weighted sum of a term's frequencies across
 * fields (a word in the title and the body is not counted as two independent matches), and as
 * the field weights are fixed, each posting stores its final weighted frequency: a query only
 * adds numbers.
 */

export type FieldSpec = { weight: number /** length normalisation, 0..1 */; b: number };

export type Bm25fIndex = {
  size: number;
  /** term → [document numbers, weighted frequencies] */
  postings: Map<string, { docs: Int32Array; tfs: Float32Array }>;
  /** Sorted vocabulary, for prefix and spelling lookups. */
  vocabulary: string[];
  k1: number;
};

type Builder = Map<string, { docs: number[]; tfs: number[] }>;

/**
 * `fieldTerms[doc][field]` is the analysed text of each field of each document, in `specs` order.
 */
export function buildBm25f(fieldTerms: string[][][], specs: FieldSpec[], k1 = 1.2): Bm25fIndex {
  const totals = specs.map((_, f) => fieldTerms.reduce((sum, fields) => sum + (fields[f]?.length ?? 0), 0));
  const averages = totals.map((total) => Math.max(1, total / Math.max(1, fieldTerms.length)));

  const builder: Builder = new Map();
  fieldTerms.forEach((fields, doc) => {
    const weighted = new Map<string, number>();
    fields.forEach((terms, f) => {
      const spec = specs[f] as FieldSpec;
      const norm = 1 - spec.b + spec.b * (terms.length / (averages[f] ?? 1));
      const add = spec.weight / norm;
      for (const term of terms) weighted.set(term, (weighted.get(term) ?? 0) + add);
    });
    for (const [term, tf] of weighted) {
      let posting = builder.get(term);
      if (!posting) {
        posting = { docs: [], tfs: [] };
        builder.set(term, posting);
      }
      posting.docs.push(doc);
      posting.tfs.push(tf);
    }
  });

  const postings: Bm25fIndex["postings"] = new Map();
  for (const [term, posting] of builder)
    postings.set(term, { docs: Int32Array.from(posting.docs), tfs: Float32Array.from(posting.tfs) });
  return { size: fieldTerms.length, postings, vocabulary: [...postings.keys()].sort(), k1 };
}

export function idf(index: Bm25fIndex, term: string): number {
  const df = index.postings.get(term)?.docs.length ?? 0;
  return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
}

/** Vocabulary terms that start with `prefix` (not the prefix itself), most frequent first. */
export function prefixExpansions(index: Bm25fIndex, prefix: string, max: number): string[] {
  const vocabulary = index.vocabulary;
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((vocabulary[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < vocabulary.length && (vocabulary[i] as string).startsWith(prefix); i++) {
    if (vocabulary[i] !== prefix) found.push(vocabulary[i] as string);
  }
  return mostFrequent(index, found, max);
}

/** Known terms within one edit (two for long words) of an unknown one: typo tolerance. */
export function spellingVariants(index: Bm25fIndex, term: string, max: number): string[] {
  const limit = term.length >= 8 ? 2 : 1;
  const found = index.vocabulary.filter(
    (candidate) =>
      Math.abs(candidate.length - term.length) <= limit && editDistance(term, candidate, limit) <= limit,
  );
  return mostFrequent(index, found, max);
}

function mostFrequent(index: Bm25fIndex, terms: string[], max: number): string[] {
  return terms
    .map((term) => ({ term, df: index.postings.get(term)?.docs.length ?? 0 }))
    .sort((a, b) => b.df - a.df)
    .slice(0, max)
    .map((entry) => entry.term);
}

/** Damerau-Levenshtein (optimal string alignment), giving up past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
