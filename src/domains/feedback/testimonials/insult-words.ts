/**
 * A small French list of insults. A match does not drop the text: the moderator sees the words found
 * and decides (some are quoted, some are anger worth hearing). Compared on accent-folded lower-case words.
 */
import { foldAccents } from "../../../shared/text.ts";

const INSULTS = new Set([
  "abruti",
  "abrutis",
  "batard",
  "batards",
  "bouffon",
  "bouffons",
  "con",
  "conne",
  "connard",
  "connards",
  "connasse",
  "cons",
  "cretin",
  "cretins",
  "encule",
  "encules",
  "enfoire",
  "enfoires",
  "fdp",
  "imbecile",
  "imbeciles",
  "incapables",
  "ordure",
  "ordures",
  "pourri",
  "pourris",
  "pute",
  "putain",
  "salaud",
  "salauds",
  "salope",
  "tocard",
  "tocards",
]);

function words(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** The distinct insults found, in order of appearance (folded form). */
export function findInsults(text: string): string[] {
  const found: string[] = [];
  for (const word of words(text)) if (INSULTS.has(word) && !found.includes(word)) found.push(word);
  return found;
}

/** The text with each insult replaced by "[…]", for a quote shown to the public. */
export function maskInsults(text: string): string {
  return text.replace(/[\p{L}]+/gu, (word) => (INSULTS.has(foldAccents(word).toLowerCase()) ? "[…]" : word));
}
