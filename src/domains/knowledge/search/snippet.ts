/** Plain-text excerpts around the matched words, and the split a page needs to highlight them. */
import { analyseWord, wordSpans } from "./french-analyzer.ts";

const WINDOW_WORDS = 28;
// Long bodies: the best passage is nearly always early, and scanning everything costs latency.
const SCAN_CHARS = 5_000;
/** A passage with this many distinct query terms is good enough: later texts are not scanned. */
const GOOD_ENOUGH = 2;

export type Snippet = { snippet: string; matchedTerms: string[] };

function bestWindow(text: string, terms: ReadonlySet<string>) {
  const spans = wordSpans(text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text);
  const hits = spans.map((span) => {
    const term = analyseWord(span.word);
    return term !== null && terms.has(term) ? term : null;
  });
  let best = { start: 0, score: 0 };
  for (let i = 0; i < spans.length; i++) {
    if (hits[i] === null) continue;
    const distinct = new Set<string>();
    for (let j = i; j < Math.min(spans.length, i + WINDOW_WORDS); j++) {
      const hit = hits[j];
      if (hit) distinct.add(hit);
    }
    if (distinct.size > best.score) best = { start: i, score: distinct.size };
  }
  return { spans, hits, ...best };
}

/**
 * The passage of the first text (description, then body…) that holds the most distinct query
 * terms, cut on word boundaries, plus the words of it that matched (as written, lowercased).
 */
export function buildSnippet(texts: string[], terms: ReadonlySet<string>, title = ""): Snippet {
  const matched = new Set<string>();
  for (const span of wordSpans(title)) {
    const term = analyseWord(span.word);
    if (term !== null && terms.has(term)) matched.add(span.word.toLowerCase());
  }
  let chosen: { text: string; window: ReturnType<typeof bestWindow> } | undefined;
  for (const text of texts) {
    if (!text) continue;
    const window = bestWindow(text, terms);
    if (!chosen || window.score > chosen.window.score) chosen = { text, window };
    if (window.score >= Math.min(GOOD_ENOUGH, terms.size)) break;
  }
  if (!chosen || chosen.window.spans.length === 0) return { snippet: "", matchedTerms: [...matched] };
  const { text, window } = chosen;
  const first = Math.max(0, window.start - 4);
  const last = Math.min(window.spans.length, first + WINDOW_WORDS) - 1;
  const from = first === 0 ? 0 : (window.spans[first]?.start ?? 0);
  const to = window.spans[last]?.end ?? text.length;
  for (let i = first; i <= last; i++) {
    if (window.hits[i]) matched.add((window.spans[i]?.word ?? "").toLowerCase());
  }
  const body = text.slice(from, to).replace(/\s+/g, " ").trim();
  const snippet = `${from > 0 ? "… " : ""}${body}${to < text.length ? " …" : ""}`;
  return { snippet, matchedTerms: [...matched].filter(Boolean) };
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
