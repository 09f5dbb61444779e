/** Small text helpers shared by search, rendering and import. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Électricité" → "electricite". */
export function foldAccents(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").normalize("NFC");
}

/** Removes control and invisible format characters (keeps tab and line breaks). */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (ch) => (ch === "\t" || ch === "\n" || ch === "\r" ? ch : ""));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** URL-safe slug from a French title. */
export function slugify(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
