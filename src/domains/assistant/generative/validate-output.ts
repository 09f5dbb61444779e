/**
 * Decides whether a model reply may reach the citizen. Anything doubtful is refused: the caller then shows
 * the extractive answer, which is always available, so strictness costs little.
 */
import { NO_ANSWER_TOKEN, type PromptPassage } from "./build-prompt.ts";
import { claimsAnAction, leavesItsRole } from "./claims.ts";
import { buildGrounding, checkGrounding, type GroundingFailure } from "./grounding.ts";
import { hasSmugglingCharacters, sanitizeForPrompt } from "./sanitize.ts";

export const MAX_OUTPUT_CHARS = 1000;
/** The prompt asks for 80 words; models overshoot a little, markers aside. */
export const MAX_OUTPUT_WORDS = 110;

export type InvalidOutputReason =
  | "empty"
  | "too_long"
  | "hidden_characters"
  | "markup"
  | "unexpected_characters"
  | "no_citation"
  | "unknown_citation"
  | "malformed_citation"
  | "action_claim"
  | "off_role"
  | GroundingFailure;

export type OutputVerdict =
  /** `cited` holds 0-based passage indexes, in order of first citation. */
  | { kind: "answer"; text: string; cited: number[] }
  | { kind: "no_answer" }
  | { kind: "invalid"; reason: InvalidOutputReason };

const MARKER_GROUP = /\s*\[\s*S\s*\d{1,3}(?:\s*[,;]\s*S?\s*\d{1,3})*\s*\]/gi;
const MARKUP = [
  /<\/?[a-z!?][^>]*>/i,
  /\]\(/,
  /!\[/,
  /`/,
  /\*\*|__/,
  /^\s*#{1,6}\s/m,
  /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i,
  /^\s*(?:[-*•+]|\d+[.)])\s/m,
];
// Plain French prose: letters, digits, spaces and ordinary punctuation. Everything else (braces, pipes,
// backslashes, emoji…) is a sign of code, markup or smuggling.
const PLAIN_TEXT = /^[\p{L}\p{M}\p{N}\s.,;:!?'’‘"“”«»()[\]\-‐–—/€%+°&@§·]*$/u;
/** Form numbers are written "cerfa 12100*03". */
const FORM_NUMBER_STAR = /(\d)\*(\d)/g;

export function validateOutput(input: { output: string; passages: PromptPassage[] }): OutputVerdict {
  const invalid = (reason: InvalidOutputReason): OutputVerdict => ({ kind: "invalid", reason });
  if (input.output.length > MAX_OUTPUT_CHARS * 2) return invalid("too_long");
  if (hasSmugglingCharacters(input.output)) return invalid("hidden_characters");
  const raw = sanitizeForPrompt(input.output, { maxLength: MAX_OUTPUT_CHARS * 2 });
  if (raw === "") return invalid("empty");
  if (isNoAnswer(raw)) return { kind: "no_answer" };
  if (raw.length > MAX_OUTPUT_CHARS) return invalid("too_long");
  if (MARKUP.some((pattern) => pattern.test(raw))) return invalid("markup");
  if (!PLAIN_TEXT.test(raw.replace(FORM_NUMBER_STAR, "$1$2"))) return invalid("unexpected_characters");

  const cited: number[] = [];
  for (const match of raw.matchAll(MARKER_GROUP)) {
    for (const number of match[0].match(/\d+/g) ?? []) {
      const index = Number(number) - 1;
      if (index < 0 || index >= input.passages.length) return invalid("unknown_citation");
      if (!cited.includes(index)) cited.push(index);
    }
  }
  if (cited.length === 0) return invalid(/\[|\bS\d/.test(raw) ? "malformed_citation" : "no_citation");
  const text = raw
    .replace(MARKER_GROUP, "")
    .replace(/[^\S\n]+([.,])/g, "$1")
    .replace(/[^\S\n]{2,}/g, " ")
    .trim();
  if (/[[\]]|\(\s*S\s*\d+\s*\)|\bS\d{1,3}\b/.test(text)) return invalid("malformed_citation");
  if (text.split(/\s+/).length > MAX_OUTPUT_WORDS) return invalid("too_long");

  const passagesText = input.passages.map((p) => `${p.title}\n${p.heading}\n${p.text}`).join("\n");
  if (claimsAnAction(text)) return invalid("action_claim");
  if (leavesItsRole(text, passagesText)) return invalid("off_role");
  const ungrounded = checkGrounding(text, buildGrounding([passagesText]));
  if (ungrounded) return invalid(ungrounded);
  return { kind: "answer", text, cited };
}

/**
 * The token alone (give or take punctuation, case, accents, a space for the underscore), or opening the
 * reply before an explanation. Buried further in, it is no refusal (a dump of the prompt contains it).
 */
function isNoAnswer(text: string): boolean {
  const squeezed = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z_ ]/g, "")
    .trim();
  return squeezed.startsWith(NO_ANSWER_TOKEN) || squeezed === "AUCUNE REPONSE";
}
