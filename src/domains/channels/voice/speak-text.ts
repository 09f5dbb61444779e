/**
 * The assistant's replies made for the ear: no URL read out, no numbered list (the call reads its own
 * menu, "pour X, dites 1 ou tapez 1"), symbols and references written as words, and kept short — a
 * listener cannot skim back. The wording stays the assistant's; only its form changes.
 */
import type { AssistantReply } from "../../assistant/index.ts";

export type SpokenReply = Pick<AssistantReply, "kind" | "text" | "choices" | "sources">;

/** About 30 seconds of speech at espeak's rate (~160 words a minute). */
export const SPOKEN_WORDS = 70;

/** The value of the assistant's "Parler à un agent" button: the call says "tapez 0" instead. */
const HANDOFF_VALUE = "Parler à un agent";

const DIGIT_WORDS: Record<string, string> = { "*": "étoile", "#": "dièse" };

/** The choices a call reads out: the assistant's, less its hand-off button (0 is always the agent). */
export function menuChoices(reply: Pick<AssistantReply, "choices">): AssistantReply["choices"] {
  return reply.choices.filter((choice) => choice.value !== HANDOFF_VALUE).slice(0, 9);
}

/** "Pour Carte d'identité, dites 1 ou tapez 1." — a label starting with "Pour" is not doubled. */
export function choiceLine(label: string, key: string, speech: boolean): string {
  const spokenKey = DIGIT_WORDS[key] ?? key;
  const what = /^pour\s/i.test(label) ? label : `Pour ${label}`;
  const how = speech && /^\d$/.test(key) ? `dites ${spokenKey} ou tapez ${spokenKey}` : `tapez ${spokenKey}`;
  return `${forTheEar(what).replace(/[.:;,]+$/, "")}, ${how}.`;
}

/** "GU-2026-000123" → "G U, 2026, 0 0 0 1 2 3": read character by character where it matters. */
export function speakReference(reference: string): string {
  return reference
    .split("-")
    .map((part, i, parts) =>
      /^[A-Z]+$/.test(part)
        ? part.split("").join(" ")
        : i === parts.length - 1
          ? part.split("").join(" ")
          : part,
    )
    .join(", ");
}

/** "+33612345678" → "7 8": the end of a number, to confirm it without reading it all out. */
export function numberEnding(phone: string): string {
  return phone.replace(/\D/g, "").slice(-2).split("").join(" ");
}

function withoutUrls(text: string): string {
  return text
    .replace(/\bhttps?:\/\/[^\s)»"]*[^\s)»".,;:!?]/gi, "")
    .replace(/\bwww\.[^\s)»"]*[^\s)»".,;:!?]/gi, "")
    .replace(/\(\s*(ou|sur|voir|sur le site)?\s*\)/gi, "");
}

/** Symbols a speech engine reads badly or not at all. */
export function forTheEar(text: string): string {
  return withoutUrls(text)
    .replace(/\b[A-Z]{2,5}-\d{4}-\d{3,8}\b/g, (reference) => speakReference(reference))
    .replace(/[«»“”"]/g, "")
    .replace(/…/g, ".")
    .replace(/\s;\s?/g, ", ")
    .replace(/(\d)\s?€/g, "$1 euros")
    .replace(/€/g, "euros")
    .replace(/(\d)\s?%/g, "$1 pour cent")
    .replace(/\bn°\s?/gi, "numéro ")
    .replace(/\b(\d{1,2})\s?h\s?(\d{2})\b/g, "$1 heures $2")
    .replace(/\b(\d{1,2})\s?h\b/g, "$1 heures")
    .replace(/\betc\./gi, "et cetera")
    .replace(/\s*\n+\s*/g, " ")
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([.,])/g, "$1")
    .trim();
}

/** The first sentences that fit in `maxWords` (at least one, cut if it is longer). */
export function shortenForEar(text: string, maxWords = SPOKEN_WORDS): string {
  const sentences = text.match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g) ?? [text];
  const kept: string[] = [];
  let words = 0;
  for (const raw of sentences) {
    const sentence = raw.trim();
    const count = sentence.split(/\s+/).length;
    if (kept.length > 0 && words + count > maxWords) break;
    if (kept.length === 0 && count > maxWords) {
      kept.push(`${sentence.split(/\s+/).slice(0, maxWords).join(" ")}.`);
      break;
    }
    kept.push(sentence);
    words += count;
  }
  return kept.join(" ");
}

/**
 * The reply as it is read out. Numbered choices are dropped from the text (the call reads them as a
 * menu); an answer from a page ends by saying where the details are, since its link cannot be read.
 */
export function speakReply(reply: SpokenReply): string {
  const lines = reply.text.split("\n");
  const kept = menuChoices(reply).length > 0 ? lines.filter((line) => !/^\s*\d+\.\s/.test(line)) : lines;
  const text = shortenForEar(forTheEar(kept.join("\n")));
  if (reply.kind === "answer" && reply.sources.length > 0)
    return `${text} Le détail est sur le site internet de la mairie.`;
  return text;
}

const SPOKEN_KEYS: [RegExp, string][] = [
  [/^(z[ée]ro|0)$/, "0"],
  [/^(un|une|1|le premier|la premi[eè]re|premier|premi[eè]re)$/, "1"],
  [/^(deux|2|le deuxi[eè]me|la deuxi[eè]me|deuxi[eè]me|le second|la seconde)$/, "2"],
  [/^(trois|3|le troisi[eè]me|la troisi[eè]me|troisi[eè]me)$/, "3"],
  [/^(quatre|4|le quatri[eè]me|la quatri[eè]me|quatri[eè]me)$/, "4"],
  [/^(cinq|5|le cinqui[eè]me|la cinqui[eè]me|cinqui[eè]me)$/, "5"],
  [/^(six|6)$/, "6"],
  [/^(sept|7)$/, "7"],
  [/^(huit|8)$/, "8"],
  [/^(neuf|9)$/, "9"],
  [/^([ée]toile|r[ée]p[ée]ter|r[ée][ée]couter)$/, "*"],
  [/^(di[eè]se|retour|revenir)$/, "#"],
];

/** A key said instead of typed ("deux", "le premier", "étoile"), or null when the words are a question. */
export function spokenKey(text: string): string | null {
  const words = text
    .toLowerCase()
    .replace(/[.,!?;:'"«»]/g, " ")
    .replace(/^\s*(euh|alors|ben|je voudrais|je veux|je choisis|choix|num[ée]ro|touche)\s+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  for (const [pattern, key] of SPOKEN_KEYS) if (pattern.test(words)) return key;
  return null;
}

/** "oui" / "non" said at a yes-no question, else null. */
export function spokenYesNo(text: string): boolean | null {
  const words = text
    .toLowerCase()
    .replace(/[.,!?]/g, " ")
    .trim();
  if (/^(oui|ouais|d'accord|volontiers|s'il vous pla[iî]t|oui merci)\b/.test(words)) return true;
  if (/^(non|non merci|c'est tout|rien|au revoir|merci au revoir|ce sera tout)\b/.test(words)) return false;
  return null;
}
