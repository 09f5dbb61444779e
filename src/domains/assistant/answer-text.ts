/**
 * The words of an extractive answer: the passage, cut to about 80 words on a sentence or line end
 * so it can be read aloud, introduced by where it comes from. Never a URL in the text: channels show
 * or send the source link themselves.
 */
import type { RankedPassage } from "../knowledge/passages/index.ts";

export const ANSWER_WORDS = 80;

/** The first sentences of `text` that fit in `maxWords` (at least one, cut with "…" if it is longer). */
export function shortenForReading(text: string, maxWords = ANSWER_WORDS): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const sentences = lines.flatMap((line) => {
    const parts = line.match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g) ?? [line];
    // A list item without final punctuation still ends where the line ends.
    return parts.map((part, i) =>
      i === parts.length - 1 && !/[.!?:;]$/.test(part.trim()) ? `${part.trim()} ;` : part.trim(),
    );
  });
  const kept: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const count = sentence.split(/\s+/).length;
    if (kept.length > 0 && words + count > maxWords) {
      kept.push("…");
      break;
    }
    if (kept.length === 0 && count > maxWords) {
      kept.push(`${sentence.split(/\s+/).slice(0, maxWords).join(" ")} …`);
      words = maxWords;
      continue;
    }
    kept.push(sentence);
    words += count;
  }
  return kept
    .join(" ")
    .replace(/ ;( …)?$/, ".$1")
    .replace(/ ; …$/, " …")
    .replace(/\s+([.,])/g, "$1");
}

/** "Carte d'identité d'un majeur : première demande — Pièces à fournir : …" */
export function extractiveAnswerText(best: RankedPassage): string {
  const section = best.passage.headings.slice(-2).join(", ");
  const where = section ? `${best.page.title} (${section})` : best.page.title;
  return `D'après « ${where} » : ${shortenForReading(best.passage.text)}`;
}
