/**
 * Cleans the citizen's text and the passages before they go into a prompt, and the model's reply before
 * it is checked: what a person reading the text cannot see must not reach the model either.
 */

// Invisible code points used to smuggle instructions past a human reader: format characters (zero-width
// spaces and joiners, bidi embeddings, overrides and isolates, word joiner, BOM, soft hyphen, the tag
// characters U+E0000–E007F), private-use, unassigned and lone surrogate code points, variation selectors
// (U+FE00–FE0F, U+E0100–E01EF, Mongolian), the combining grapheme joiner and blank "letters" (Hangul
// fillers, braille blank).
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\p{Cs}\u115F\u1160\u2800\u3164\uFFA0]|\p{Variation_Selector}|\u034F/gu;
const CONTROL = /[\p{Cc}]/gu;
/** Characters whose presence in a model reply is itself a sign of smuggling (tags, bidi overrides). */
const SMUGGLING = /[\u{E0000}-\u{E007F}\u202A-\u202E\u2066-\u2069]/u;

export type SanitizeOptions = {
  maxLength: number;
  /** Newlines become spaces (the citizen's question is one line of data). */
  singleLine?: boolean;
  /** Longer runs without spaces (base64 blobs, padding) are cut to this many characters. */
  maxWordLength?: number;
};

export function sanitizeForPrompt(text: string, options: SanitizeOptions): string {
  let clean = text.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(/\t/g, " ");
  clean = clean.replace(CONTROL, (ch) => (ch === "\n" ? ch : "")).replace(INVISIBLE, "");
  // NFKC folds full-width and styled letters ("ｉｇｎｏｒｅ", "𝐢𝐠𝐧𝐨𝐫𝐞") and ligatures into plain ones, so
  // what the checks see is what the model reads; strip again in case folding exposed something.
  clean = clean.normalize("NFKC").replace(INVISIBLE, "");
  // Stacked combining marks ("Zalgo") hide text; French needs at most two on one letter.
  clean = clean.replace(/(\p{M}{2})\p{M}+/gu, "$1");
  if (options.maxWordLength) {
    const max = options.maxWordLength;
    clean = clean.replace(/\S+/g, (word) => (word.length > max ? `${word.slice(0, max)}…` : word));
  }
  clean = options.singleLine
    ? clean.replace(/\s+/g, " ")
    : clean
        .replace(/[^\S\n]+/g, " ")
        .replace(/ *\n */g, "\n")
        .replace(/\n{3,}/g, "\n\n");
  return truncateAtWord(clean.trim(), options.maxLength);
}

export function hasSmugglingCharacters(text: string): boolean {
  return SMUGGLING.test(text);
}

function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.search(/\s\S*$/);
  return (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd();
}
