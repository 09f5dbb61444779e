/**
 * What the citizen wants from this message, before any search: small talk, a person, the status of a
 * request, or a question. Phrasings are matched on folded text (no accents, lower case). Context-bound
 * readings (a vote, a choice number, a contact for the hand-off) are decided by the turn, not here.
 */
import { foldForMatching } from "./normalize-message.ts";

export type Intent =
  | { type: "greeting" }
  | { type: "thanks" }
  | { type: "goodbye" }
  | { type: "handoff" }
  | { type: "case_status"; reference: string | null }
  | { type: "abusive" }
  | { type: "question"; text: string };

const HANDOFF_WORDS =
  "(agent|humain|conseill\\w*|personne|quelqu'?un|operat\\w*|standard\\w*|interlocut\\w*|vrai\\w* gens)";
const HANDOFF = new RegExp(
  `\\b(parler|discuter|joindre|contacter|avoir|passer|echanger|appeler|veux|voudrais|souhaite)\\b.*\\b${HANDOFF_WORDS}\\b`,
);
const HANDOFF_ALONE = new RegExp(`^(un |une |a un |a une )?${HANDOFF_WORDS}( svp| s'il vous plait| merci)?$`);
const GREETING = /^(bonjour|bonsoir|salut|coucou|hello|bjr|hey|allo)\b/;
const THANKS = /^(merci|mci|super merci|ok merci|d'accord merci|parfait|genial|top)\b/;
const GOODBYE = /^(au revoir|bonne (journee|soiree|fin de journee)|a bientot|a plus|bye|ciao|adieu)\b/;
const STATUS =
  /\b(ou en est|ou en sont|suivi|suivre|avancement|etat|statut)\b.*\b(demande|dossier|requete|reclamation|signalement)\b/;
/** Any organisation prefix: "GU-2026-000123", "MAIRIE-2026-000001". */
const REFERENCE = /\b([A-Za-z]{2,10}-\d{4}-\d{6})\b/;
/**
 * Insults aimed at someone. Frustration ("c'est débile", "zut", "galère", "question idiote") is not
 * refused: a citizen annoyed by a procedure still deserves an answer.
 */
const INSULTS = /\b(connard|connasse|salope|salaud|pute|encule|batard|fdp|ntm|ta gueule|nique ta|niquer)\b/;

/** A greeting followed by a question ("Bonjour, je voudrais refaire mon passeport"): the question counts. */
function afterGreeting(folded: string, original: string): string | null {
  const match = GREETING.exec(folded);
  if (!match) return null;
  const rest = original
    .replace(/^\s*\S+[\s,.!;:]*/u, "")
    .replace(/^(madame|monsieur|mesdames|messieurs)[\s,.!;:]*/iu, "")
    .trim();
  return rest.split(/\s+/).filter(Boolean).length >= 2 ? rest : null;
}

function isShort(folded: string, maxWords: number): boolean {
  return folded.split(" ").filter(Boolean).length <= maxWords;
}

export function detectIntent(text: string): Intent {
  const folded = foldForMatching(text);
  if (INSULTS.test(folded)) return { type: "abusive" };
  if (HANDOFF.test(folded) || HANDOFF_ALONE.test(folded)) return { type: "handoff" };
  const reference = REFERENCE.exec(text)?.[1]?.toUpperCase() ?? null;
  if (reference || STATUS.test(folded)) return { type: "case_status", reference };
  const question = afterGreeting(folded, text);
  if (question) return { type: "question", text: question };
  if (GREETING.test(folded) && isShort(folded, 4)) return { type: "greeting" };
  if (THANKS.test(folded) && isShort(folded, 6)) return { type: "thanks" };
  if (GOODBYE.test(folded) && isShort(folded, 6)) return { type: "goodbye" };
  return { type: "question", text };
}

const YES =
  /^(oui|ouais|yes|ok|d'accord|tout a fait|oui merci|oui ca m'a aide|ca m'a aide|c'est bon|parfait)\b/;
const NO = /^(non|no|pas vraiment|pas du tout|bof|non merci|pas tellement|ca ne m'a pas aide)\b/;

/** "oui" / "non" right after "Cette réponse vous a-t-elle aidé ?". */
export function readYesNo(text: string): boolean | null {
  const folded = foldForMatching(text);
  if (!isShort(folded, 6)) return null;
  if (NO.test(folded)) return false;
  if (YES.test(folded)) return true;
  return null;
}

const ORDINALS: Record<string, number> = {
  premier: 1,
  premiere: 1,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  troisieme: 3,
  quatrieme: 4,
};

/** "2", "le deuxième", or the label itself, among the offered choices; null when it is something else. */
export function readChoice(text: string, labels: string[]): number | null {
  const folded = foldForMatching(text);
  const digit = /^(?:choix |numero |n )?([1-9])$/.exec(folded);
  if (digit) {
    const n = Number(digit[1]);
    return n <= labels.length ? n - 1 : null;
  }
  const ordinal = /^(?:le |la )?(premier|premiere|deuxieme|second|seconde|troisieme|quatrieme)\b/.exec(
    folded,
  );
  if (ordinal) {
    const n = ORDINALS[ordinal[1] as string] as number;
    return n <= labels.length ? n - 1 : null;
  }
  const index = labels.findIndex((label) => foldForMatching(label) === folded);
  return index >= 0 ? index : null;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}/;

/** An e-mail address and/or a French phone number found in a message. */
export function readContact(text: string): { email: string | null; phone: string | null } {
  return {
    email: EMAIL.exec(text)?.[0]?.toLowerCase() ?? null,
    phone: PHONE.exec(text)?.[0]?.replace(/[\s.-]/g, "") ?? null,
  };
}

const CANCEL = /^(annuler|annule|laisse tomber|non merci|non|stop|pas besoin|finalement non)\b/;

export function isCancel(text: string): boolean {
  const folded = foldForMatching(text);
  return isShort(folded, 4) && CANCEL.test(folded);
}

const FOLLOW_UP =
  /^(et|mais|sinon|pour|si|combien|ca|cela|c'est|est-ce|quel|quelle|quels|quelles|ou|quand|comment|dans quel|a quel|y a-t-il)\b/;

/** "et pour un mineur ?", "combien ça coûte ?": a short message that leans on the previous topic. */
export function looksLikeFollowUp(text: string): boolean {
  const folded = foldForMatching(text);
  return isShort(folded, 8) && FOLLOW_UP.test(folded);
}
