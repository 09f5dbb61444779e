/**
 * Plain-text excerpts around the matched words, and the split a page needs to highlight them.
 * The texts are cut into short passages (a line, or a few sentences) when the index is built, each
 * stored as its term numbers; a query only counts its terms in the passages of the few pages it
 * shows, and analyses the words of the one passage it keeps.
 */
import { analyseWord, wordSpans } from "./french-analyzer.ts";

/** Only the start of long pages is cut into passages: the best one is nearly always early. */
const SCAN_CHARS = 4_000;
/** A passage ends at the end of a sentence once it has this many words… */
const SENTENCE_WORDS = 14;
/** …and at this many words at most. */
const MAX_WORDS = 30;
const SENTENCE_ENDS = new Set([".", "!", "?", ":", ";"]);
/** A shorter passage (a heading, a list item) is shown with the next one of the same text. */
const MIN_SHOWN_WORDS = 12;

/**
 * The passages of one document, 4 numbers each: text number, first char, end char, end of its
 * terms in `terms` (the terms of passage p are `terms[end(p-1)..end(p)]`).
 */
export type DocumentPassages = { bounds: Uint32Array; terms: Uint16Array | Uint32Array };

export type TermNumber = (term: string) => number | undefined;

/** Cuts `texts` (description, alternative questions, body…) into passages, at indexing time. */
export function buildPassages(
  texts: readonly string[],
  termNumber: TermNumber,
  wide: boolean,
): DocumentPassages {
  const bounds: number[] = [];
  const terms: number[] = [];
  let budget = SCAN_CHARS;
  texts.forEach((text, textNumber) => {
    if (budget <= 0 || !text) return;
    const scanned = text.length > budget ? text.slice(0, budget) : text;
    budget -= scanned.length;
    let start = -1;
    let end = 0;
    let words = 0;
    const close = () => {
      if (start >= 0) bounds.push(textNumber, start, end, terms.length);
      start = -1;
      words = 0;
    };
    let lineEnd = scanned.indexOf("\n");
    for (const span of wordSpans(scanned)) {
      const newLine = lineEnd >= 0 && span.start > lineEnd;
      if (newLine) lineEnd = scanned.indexOf("\n", span.start);
      if (start >= 0 && (words >= MAX_WORDS || newLine)) close();
      if (start < 0) start = span.start;
      end = span.end;
      words++;
      const term = analyseWord(span.word);
      const number = term === null ? undefined : termNumber(term);
      if (number !== undefined) terms.push(number);
      if (SENTENCE_ENDS.has(scanned[span.end] ?? "")) {
        end = span.end + 1;
        if (words >= SENTENCE_WORDS) close();
      }
    }
    close();
  });
  return {
    bounds: Uint32Array.from(bounds),
    terms: wide ? Uint32Array.from(terms) : Uint16Array.from(terms),
  };
}

export type Snippet = { snippet: string; matchedTerms: string[] };

function matchedWords(text: string, queryTerms: ReadonlySet<string>, into: Set<string>): void {
  for (const span of wordSpans(text)) {
    const term = analyseWord(span.word);
    if (term !== null && queryTerms.has(term)) into.add(span.word.toLowerCase());
  }
}

/** The passage holding the most distinct query terms (the first one on a tie). */
function bestPassage(passages: DocumentPassages, queryNumbers: ReadonlySet<number>): number {
  const { bounds, terms } = passages;
  let best = 0;
  let bestScore = 0;
  let from = 0;
  const distinct = new Set<number>();
  for (let p = 0; p * 4 < bounds.length; p++) {
    const to = bounds[p * 4 + 3] as number;
    distinct.clear();
    for (let i = from; i < to; i++)
      if (queryNumbers.has(terms[i] as number)) distinct.add(terms[i] as number);
    if (distinct.size > bestScore) {
      best = p;
      bestScore = distinct.size;
      if (bestScore === queryNumbers.size) break;
    }
    from = to;
  }
  return best;
}

/**
 * The excerpt of a result: its best passage (with the next one when it is short), and the words
 * of the title and excerpt that matched the query, as written and lowercased.
 */
export function snippetFromPassages(options: {
  texts: readonly string[];
  passages: DocumentPassages;
  queryNumbers: ReadonlySet<number>;
  queryTerms: ReadonlySet<string>;
  title: string;
}): Snippet {
  const { texts, passages, queryNumbers, queryTerms, title } = options;
  const matched = new Set<string>();
  matchedWords(title, queryTerms, matched);
  const { bounds } = passages;
  if (bounds.length === 0) return { snippet: "", matchedTerms: [...matched] };
  const p = bestPassage(passages, queryNumbers);
  const textNumber = bounds[p * 4] as number;
  const text = texts[textNumber] ?? "";
  const from = bounds[p * 4 + 1] as number;
  let to = bounds[p * 4 + 2] as number;
  const next = p + 1;
  if (next * 4 < bounds.length && bounds[next * 4] === textNumber) {
    const shownWords = text.slice(from, to).split(/\s+/).length;
    if (shownWords < MIN_SHOWN_WORDS) to = bounds[next * 4 + 2] as number;
  }
  const passage = text.slice(from, to);
  matchedWords(passage, queryTerms, matched);
  const body = passage.replace(/\s+/g, " ").trim();
  const snippet = `${from > 0 ? "… " : ""}${body}${to < text.length ? " …" : ""}`;
  return { snippet, matchedTerms: [...matched] };
}

/** One-off excerpt of texts that were not indexed (builds their passages on the spot). */
export function buildSnippet(texts: readonly string[], queryTerms: ReadonlySet<string>, title = ""): Snippet {
  const numbers = new Map<string, number>();
  const termNumber = (term: string) => {
    if (!numbers.has(term)) numbers.set(term, numbers.size);
    return numbers.get(term);
  };
  const passages = buildPassages(texts, termNumber, true);
  const queryNumbers = new Set([...queryTerms].map(termNumber).filter((n): n is number => n !== undefined));
  return snippetFromPassages({ texts, passages, queryNumbers, queryTerms, title });
}

export type HighlightSegment = { text: string; match: boolean };

/** Splits a text into plain and matched segments, for `<mark>` in the page (never raw HTML). */
export function highlightSegments(text: string, matchedTerms: readonly string[]): HighlightSegment[] {
  const wanted = new Set(matchedTerms.map((term) => term.toLowerCase()));
  const segments: HighlightSegment[] = [];
  let cursor = 0;
  for (const span of wordSpans(text)) {
    if (!wanted.has(span.word.toLowerCase())) continue;
    if (span.start > cursor) segments.push({ text: text.slice(cursor, span.start), match: false });
    segments.push({ text: text.slice(span.start, span.end), match: true });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}
