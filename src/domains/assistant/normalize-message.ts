import { collapseWhitespace, foldAccents } from "../../shared/text.ts";
import { sanitizeForPrompt } from "./generative/sanitize.ts";

/** Longest text kept from one message (the API refuses more). */
const MAX_KEPT = 10_000;

/**
 * The citizen's text as the assistant reads it: what a person cannot see (invisible and control
 * characters, bidi overrides, tag characters) is removed, styled letters are folded (NFKC), one line.
 * The same cleaning as for the generative mode's prompt, so every channel reads the same text.
 */
export function cleanMessage(raw: string): string {
  return sanitizeForPrompt(raw, { maxLength: MAX_KEPT, singleLine: true });
}

/** Lower case, no accents, apostrophes unified, punctuation as spaces: for matching phrasings. */
export function foldForMatching(text: string): string {
  return collapseWhitespace(
    foldAccents(text.toLowerCase())
      .replace(/[’`´]/g, "'")
      .replace(/[^a-z0-9' -]+/g, " "),
  );
}
