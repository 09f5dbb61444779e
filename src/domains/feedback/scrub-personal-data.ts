/**
 * Removes what identifies a person from a free text before it is stored: e-mail addresses, French phone
 * numbers, social security (NIR), IBAN and card numbers, postal addresses, names introduced as such, case
 * references and other long numbers. Each is replaced by a bracketed label ("[téléphone]"), so the text
 * still reads and its topic stays. It errs on the side of removing: a lost house number costs nothing,
 * a kept phone number is a leak. Used by feedback answers and by the assistant's kept questions.
 */

/** `label` may start with "$1": the introducing words captured by the pattern stay in the text. */
type Rule = { label: string; pattern: RegExp; keep?: (match: string) => boolean };

// Letters and digits around a match: JavaScript's \b ignores accented letters ("é" is not a word char).
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;

const STREET_TYPES = [
  "rue",
  "avenue",
  "av\\.?",
  "boulevard",
  "bd",
  "bld",
  "place",
  "pl\\.",
  "chemin",
  "ch\\.",
  "all[ée]e",
  "impasse",
  "route",
  "rte",
  "quai",
  "cours",
  "square",
  "passage",
  "sentier",
  "voie",
  "rond-point",
  "faubourg",
  "fbg",
  "lotissement",
  "r[ée]sidence",
  "hameau",
  "lieu-dit",
  "cit[ée]",
  "esplanade",
  "promenade",
  "mont[ée]e",
  "parvis",
  "villa",
].join("|");

// Words that end a street or a name: what follows is the sentence again, not the address.
const STOP_WORDS =
  "et|mais|ou|je|j'|j’|on|il|elle|ils|elles|nous|vous|depuis|pour|car|qui|que|qu'|qu’|est|sont|a|ai|avait|n'|n’|ne|y|où|quand|alors|donc|avec|sans|dans|chez|mon|ma|mes|votre|vos|le|la|les|un|une";
const WORD = String.raw`(?!(?:${STOP_WORDS})${END})[\p{L}\p{N}][\p{L}\p{N}'’-]*`;
const LINK = "(?:de|du|des|d'|d’|la|le|les|l'|l’|à|aux|au|sur|en|saint|sainte|st|ste)";
const STREET_NAME = String.raw`(?:\s+(?:${LINK}(?=[\s'’])|(?!\d{5}${END})${WORD})){1,6}`;

const CIVILITY = String.raw`(?:M\.|Mr\.?|Mme|Mlle|Monsieur|Madame|Mademoiselle|Dr\.?|Docteur|Maître|Me)`;
const CEDEX = String.raw`(?:CEDEX|Cedex|cedex)(?:\s\d{1,2})?`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const onlyDigits = (text: string) => text.replace(/\D/g, "");

const RULES: Rule[] = [
  {
    label: "[e-mail]",
    pattern:
      /[\p{L}\p{N}._%+-]+\s?(?:@|\(at\)|\[at\]|\sarobase\s)\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu,
  },
  {
    label: "[IBAN]",
    pattern: new RegExp(
      String.raw`${START}[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?${END}`,
      "giu",
    ),
    keep: (match) => onlyDigits(match).length < 10,
  },
  {
    label: "[NIR]",
    pattern: new RegExp(
      String.raw`${START}[1-478][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?${END}`,
      "giu",
    ),
  },
  {
    label: "[carte bancaire]",
    pattern: new RegExp(String.raw`${START}\d(?:[ -]?\d){12,18}${END}`, "gu"),
    keep: (match) => !luhn(onlyDigits(match)),
  },
  {
    label: "[téléphone]",
    pattern: new RegExp(
      String.raw`(?:(?:\+|00)\s?33[\s.-]?(?:\(0\)[\s.-]?)?|${START}0)[1-9](?:[\s.-]?\d{2}){4}${END}`,
      "gu",
    ),
  },
  {
    label: "[référence]",
    pattern: new RegExp(String.raw`${START}[A-Z]{2,10}-\d{4}-\d{4,8}${END}`, "giu"),
  },
  {
    // "dossier n° 2024-1234", "référence : AB12345": the word stays, the number goes.
    label: "$1[référence]",
    pattern: new RegExp(
      String.raw`((?:dossier|demande|r[ée]f[ée]rence|r[ée]f\.?|num[ée]ro|n°|allocataire|fiscal|client|contrat|facture|matricule)\s*(?:n°|no\.?|num[ée]ro|:)?\s*:?\s*)(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9/-]{3,}${END}`,
      "giu",
    ),
  },
  {
    label: "[adresse]",
    pattern: new RegExp(
      String.raw`${START}\d{1,4}\s?(?:bis|ter|quater|[a-d])?\s*,?\s*(?:${STREET_TYPES})${END}${STREET_NAME}`,
      "giu",
    ),
  },
  {
    label: "[code postal et commune]",
    pattern: new RegExp(
      String.raw`${START}(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\s?\d{3}\s+${NAME_WORD}(?:[\s-]+(?:${CEDEX}|${LINK}|${NAME_WORD}))*`,
      "gu",
    ),
  },
  {
    label: "$1[nom]",
    pattern: new RegExp(
      String.raw`((?:je\s+m['’]\s?appelle|mon\s+nom\s+(?:est|c['’]est)|moi\s+c['’]est|je\s+suis\s+${CIVILITY})\s*)${WORD}(?:\s+${WORD}){0,2}`,
      "giu",
    ),
  },
  {
    label: "[nom]",
    pattern: new RegExp(String.raw`${START}${CIVILITY}(?:\s+${NAME_WORD}){1,2}`, "gu"),
  },
  {
    // Tax, benefit or customer numbers: no one writes seven digits in a row for anything else.
    label: "[numéro]",
    pattern: new RegExp(String.raw`${START}\d{7,}${END}`, "gu"),
  },
];

export function scrubPersonalData(text: string): string {
  let result = text;
  for (const rule of RULES) {
    result = result.replace(rule.pattern, (match: string, first: unknown) => {
      if (rule.keep?.(match)) return match;
      return rule.label.replace("$1", typeof first === "string" ? first : "");
    });
  }
  return result;
}
