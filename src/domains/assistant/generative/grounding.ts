/**
 * Lexical checks that a reply says nothing the passages do not: every link, e-mail address, phone number
 * and number must appear in them, and most of its meaningful words too. Cheap and conservative: a false
 * alarm only means the extractive answer is shown instead.
 */
import { foldAccents } from "../../../shared/text.ts";

export type GroundingFailure =
  | "foreign_email"
  | "foreign_link"
  | "foreign_phone"
  | "ungrounded_number"
  | "ungrounded";

export type Grounding = {
  /** Lower-cased passages, for substring checks of links. */
  corpus: string;
  phones: Set<string>;
  numbers: Set<string>;
  stems: Set<string>;
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL_LIKE =
  /\b(?:https?:\/\/|www\.)[^\s"«»()<>]+|\b(?:[\p{L}\p{N}-]+\.)+[a-z]{2,24}\b(?:\/[^\s"«»()<>]*)?/giu;
const PHONE = /(?:\+|\b00)\s?\d{2,3}(?:[\s.-]?\d){8,10}\b|\b0\d(?:[\s.-]?\d{2}){4}\b/g;
const NUMBER = /\d+(?:[ .,\u202f\u00a0]\d+)*/g;

// "deux mois" in a passage may become "2 mois" in a reply.
const NUMBER_WORDS: Record<string, string> = {
  un: "1",
  une: "1",
  deux: "2",
  trois: "3",
  quatre: "4",
  cinq: "5",
  six: "6",
  sept: "7",
  huit: "8",
  neuf: "9",
  dix: "10",
  onze: "11",
  douze: "12",
  treize: "13",
  quatorze: "14",
  quinze: "15",
  seize: "16",
  vingt: "20",
  trente: "30",
  quarante: "40",
  cinquante: "50",
  soixante: "60",
  cent: "100",
  mille: "1000",
};

// Words any rephrasing may add: they carry no fact of their own.
const FREE_WORDS = new Set(
  (
    "vous votre vos nous notre nos leur leurs elle elles ils pour avec dans sans sont etre avoir avez " +
    "pouvez peut peuvent pourrez devez doit doivent devrez faut faire fait cette celle celui ceux cela ceci " +
    "mais donc alors ainsi aussi ensuite puis comme quand lorsque selon aupres chez tout tous toute toutes " +
    "plus moins tres bien encore deja avant apres depuis pendant entre vers sous dont quel quelle quels " +
    "quelles autre autres meme memes chaque certains certaines notamment egalement voici voila merci " +
    "besoin pouvoir devoir possible necessaire suffit suffisent suivant suivante suivantes suivants " +
    "simplement directement partir lors afin parce aucun aucune jamais toujours souvent seulement " +
    "uniquement surtout plusieurs quelques environ etes sera seront serez aurez allez pourra pourront " +
    "etait avant cest quil quelle lequel laquelle lesquels dois peux veut voulez souhaitez souhaite " +
    "concerne concernant cas part fois sinon ailleurs cependant toutefois pourtant enfin abord premier " +
    "premiere ensuite derniere dernier existe existent permet permettent indique precise precisent " +
    "prevoir prevoit prevue prevu prendre prenez faites donner donnez savoir euro euros"
  ).split(" "),
);

export function buildGrounding(texts: string[]): Grounding {
  const joined = texts.join("\n");
  const folded = fold(joined);
  const numbers = new Set<string>();
  for (const match of joined.matchAll(NUMBER)) {
    numbers.add(digits(match[0]));
    for (const part of match[0].split(/[ .,\u202f\u00a0]/)) numbers.add(part);
  }
  const stems = new Set<string>();
  for (const word of words(folded)) {
    const number = NUMBER_WORDS[word];
    if (number) numbers.add(number);
    if (word.length >= 4) stems.add(word.slice(0, 4));
    if (word.length >= 5) stems.add(word.slice(0, 5));
  }
  const phones = new Set([...joined.matchAll(PHONE)].map((m) => normalisePhone(m[0])));
  return { corpus: joined.toLowerCase(), phones, numbers, stems };
}

export function checkGrounding(text: string, grounding: Grounding): GroundingFailure | undefined {
  let rest = text;
  for (const match of text.matchAll(EMAIL)) {
    if (!grounding.corpus.includes(match[0].toLowerCase())) return "foreign_email";
    rest = rest.replace(match[0], " ");
  }
  for (const match of rest.matchAll(URL_LIKE)) {
    if (!grounding.corpus.includes(normaliseLink(match[0]))) return "foreign_link";
  }
  for (const match of text.matchAll(PHONE)) {
    if (!grounding.phones.has(normalisePhone(match[0]))) return "foreign_phone";
  }
  for (const match of text.matchAll(NUMBER)) {
    const parts = match[0].split(/[ .,\u202f\u00a0]/);
    if (!grounding.numbers.has(digits(match[0])) && !parts.every((p) => grounding.numbers.has(p))) {
      return "ungrounded_number";
    }
  }
  return isLexicallyGrounded(text, grounding.stems) ? undefined : "ungrounded";
}

/**
 * At least 70 % of the reply's meaningful words, and half of those of each sentence, must come from the
 * passages (by their first letters, so "demander" matches "demande"): an imposed sentence such as
 * "la mairie est fermée" stands out even inside an otherwise faithful reply.
 */
function isLexicallyGrounded(text: string, stems: Set<string>): boolean {
  let total = 0;
  let supported = 0;
  for (const sentence of text.split(/[.!?]+(?:\s|$)/)) {
    const meaningful = words(fold(sentence)).filter((w) => w.length >= 4 && !FREE_WORDS.has(w));
    const known = meaningful.filter((w) => stems.has(w.slice(0, 5))).length;
    if (meaningful.length >= 2 && known / meaningful.length < 0.5) return false;
    total += meaningful.length;
    supported += known;
  }
  return total === 0 || supported / total >= 0.7;
}

function fold(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/[’ʼ]/g, "'");
}

function words(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter(Boolean);
}

function digits(text: string): string {
  return text.replace(/\D/g, "");
}

function normalisePhone(text: string): string {
  return digits(text).replace(/^(?:00)?33/, "0");
}

function normaliseLink(link: string): string {
  return link
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[.,;:!?'"]+$/, "")
    .replace(/\/+$/, "");
}
