/**
 * Proximity: a page that says the query's words together ("acte d'état civil", "congé parental")
 * answers it better than a page that scatters them over unrelated sections. Each document keeps its
 * analysed terms as vocabulary numbers; a query reads them for its best-ranked pages only.
 */

export type TermSequence = Uint16Array | Uint32Array;

/**
 * The query seen by proximity: `conceptOf[termNumber]` is the concept a term stands for (-1 when
 * none); `weights[concept]` its share of the query; `pairs` the concepts typed side by side.
 */
export type ProximityQuery = {
  conceptOf: Int32Array;
  weights: readonly number[];
  pairs: readonly { first: number; second: number; weight: number }[];
};

/**
 * Weighted share of the query's adjacent pairs that `sequence` also holds side by side, in the
 * same order (stop words are already out of both, so "acte d'état civil" holds acte·etat·civil).
 */
export function phraseShare(
  sequence: TermSequence,
  query: ProximityQuery,
  from = 0,
  to = sequence.length,
): number {
  const { conceptOf, pairs } = query;
  let total = 0;
  for (const pair of pairs) total += pair.weight;
  if (total === 0) return 0;
  const found = new Uint8Array(pairs.length);
  let share = 0;
  let previous = -1;
  for (let i = from; i < to; i++) {
    const concept = conceptOf[sequence[i] as number] as number;
    if (previous >= 0 && concept >= 0) {
      for (let p = 0; p < pairs.length; p++) {
        const pair = pairs[p] as ProximityQuery["pairs"][number];
        if (found[p] === 0 && pair.first === previous && pair.second === concept) {
          found[p] = 1;
          share += pair.weight;
        }
      }
    }
    previous = concept;
  }
  return share / total;
}

/** Summed weight of the distinct concepts found in `sequence[from..to)`. */
export function conceptShare(
  sequence: TermSequence,
  query: ProximityQuery,
  from: number,
  to: number,
): number {
  const seen = new Uint8Array(query.weights.length);
  let share = 0;
  for (let i = from; i < to; i++) {
    const concept = query.conceptOf[sequence[i] as number] as number;
    if (concept >= 0 && seen[concept] === 0) {
      seen[concept] = 1;
      share += query.weights[concept] as number;
    }
  }
  return share;
}
