/**
 * French text analysis shared by indexing and querying, so both sides produce the same terms:
 * lowercase, elision ("l'", "qu'"), accent folding, stop words (negations kept), Snowball stemming.
 */
import { newStemmer } from "snowball-stemmers";
import { foldAccents } from "../../../shared/text.ts";
import { ELISIONS, FRENCH_STOP_WORDS } from "./french-stop-words.ts";

export type WordSpan = { word: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+/gu;
const APOSTROPHES = new Set(["'", "’", "ʼ"]);
const stemmer = newStemmer("french");
// The vocabulary is small (tens of thousands of words): caching makes indexing several times faster.
const stemCache = new Map<string, string | null>();
const STEM_CACHE_LIMIT = 200_000;

/** Words with their offsets in the text, elided articles and pronouns already removed. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    const word = match[0];
    const end = start + word.length;
    const elided = APOSTROPHES.has(text[end] ?? "");
    if (elided) {
      const folded = foldAccents(word.toLowerCase());
      // "n'" is a negation: kept as "ne" so "n'est pas" and "ne … pas" agree.
      if (folded === "n") {
        spans.push({ word: "ne", start, end });
        continue;
      }
      if (ELISIONS.has(folded)) continue;
    }
    spans.push({ word, start, end });
  }
  return spans;
}

/**
 * Words Snowball merges with an unrelated one, each given its own term (written accent-folded):
 * "loyer" would stem to "loi" (law) while "loyers" stays "loyer", "foyer" to "foi" (faith),
 * "taxi" to "tax" (tax), "mars" (the month) to "mar" (married), "visa" to "vis" (screw).
 */
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map([
  ["loyer", "loyer"],
  ["loyers", "loyer"],
  ["foyer", "foyer"],
  ["foyers", "foyer"],
  ["taxi", "taxi"],
  ["taxis", "taxi"],
  ["mars", "mars"],
  ["visa", "visa"],
  ["visas", "visa"],
  ["lois", "loi"],
]);

/** Snowball stems "salariée" to "salarie" but "salarié" to "salar": "-iée(s)" loses its "e(s)" first. */
function feminineParticiple(word: string): string {
  if (word.endsWith("iees")) return word.slice(0, -2);
  if (word.endsWith("iee")) return word.slice(0, -1);
  return word;
}

/**
 * Verb and noun of one family that Snowball leaves apart, by regular French suffixes:
 * "inscrire / inscrit / inscription", "construire / construction", "déduire / déduction".
 */
function normaliseStem(stem: string): string {
  // A prefix is required ("in-scrire", "con-struire"): "script" or "écrit" are words of their own.
  const cri = stem.lastIndexOf("cri");
  if (cri >= 2 && (stem.endsWith("cript") || stem.endsWith("crit"))) return `${stem.slice(0, cri)}crir`;
  if (stem.length >= 6 && stem.endsWith("uct")) return `${stem.slice(0, -3)}uir`;
  return stem;
}

/** The index term for one word, or null for stop words and single characters ("1" in "1er"). */
export function analyseWord(word: string): string | null {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase();
  const folded = foldAccents(lower);
  let term: string | null;
  if (FRENCH_STOP_WORDS.has(folded) || folded.length < 2) term = null;
  else if (/\d/.test(folded)) term = folded;
  else if (STEM_OVERRIDES.has(folded)) term = STEM_OVERRIDES.get(folded) as string;
  // Stemming the folded word: people often type without accents, and "identite" must meet
  // "identité" (Snowball stems the accented form differently).
  else term = normaliseStem(stemmer.stem(feminineParticiple(folded)));
  if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, term);
  return term;
}

/** Index terms of a text, in order (repeats kept: term frequency matters). */
export function analyse(text: string): string[] {
  const terms: string[] = [];
  for (const span of wordSpans(text)) {
    const term = analyseWord(span.word);
    if (term) terms.push(term);
  }
  return terms;
}
