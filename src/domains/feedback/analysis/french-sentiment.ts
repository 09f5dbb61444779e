/**
 * French sentiment of a short feedback text, offline: a lexicon of service vocabulary with negation
 * ("pas clair", "jamais reçu", "sans souci"), intensifiers ("très", "vraiment") and softeners ("un peu"),
 * and more weight after "mais" (what follows is what the citizen means). Scored -1…1, null when no word
 * carries an opinion.
 */
import { normaliseForMatching } from "./verbatim-topics.ts";

/** Word → polarity. A trailing "*" matches any ending. Accent-folded, lowercase. */
const LEXICON: Record<string, number> = {
  // positive
  bien: 1,
  bon: 1,
  bonne: 1,
  bons: 1,
  bonnes: 1,
  "excellent*": 2,
  "parfait*": 2,
  super: 1.5,
  "genial*": 2,
  top: 1.5,
  nickel: 1.5,
  "impeccable*": 2,
  "formidable*": 2,
  "merveill*": 2,
  merci: 1,
  "remerci*": 1,
  bravo: 1.5,
  "satisfait*": 1,
  "satisfaisant*": 1,
  satisfaction: 1,
  "rapide*": 1,
  rapidite: 1,
  "efficace*": 1,
  efficacite: 1,
  "aimable*": 1,
  "sympa*": 1,
  "agreable*": 1,
  "courtois*": 1,
  poli: 0.5,
  polie: 0.5,
  "souriant*": 1,
  "accueillant*": 1,
  "chaleureu*": 1,
  "gentil*": 1,
  clair: 1,
  claire: 1,
  clairs: 1,
  claires: 1,
  clairement: 0.5,
  // "une simple attestation" is not praise: mild.
  "simple*": 0.5,
  simplicite: 1,
  "facile*": 1,
  "pratique*": 0.5,
  "utile*": 1,
  "competent*": 1,
  "professionnel*": 1,
  "serviable*": 1,
  "disponible*": 0.5,
  "bienveillan*": 1,
  patient: 0.5,
  patiente: 0.5,
  "reactif*": 1,
  reactivite: 1,
  "ravi*": 1.5,
  "content*": 1,
  "heureu*": 1,
  "apprecie*": 1,
  "recommande*": 1,
  "soulage*": 1,
  "rassure*": 1,
  "resolu*": 1,
  "fluide*": 1,
  "correct*": 0.5,
  "ecoute*": 0.5,
  "accessible*": 0.5,
  // negative
  mal: -1,
  "mauvais*": -1.5,
  nul: -2,
  nulle: -2,
  nuls: -2,
  "horrible*": -2,
  "catastroph*": -2,
  "inadmissible*": -2,
  "inacceptable*": -2,
  "scandal*": -2,
  honte: -2,
  "honteu*": -2,
  lent: -1,
  lente: -1,
  lents: -1,
  lentes: -1,
  "lenteur*": -1,
  long: -1,
  longue: -1,
  longs: -1,
  longues: -1,
  "interminable*": -1.5,
  "complique*": -1,
  "complexe*": -0.5,
  "difficile*": -1,
  "difficulte*": -1,
  "probleme*": -1,
  "souci*": -1,
  "galere*": -1.5,
  "incomprehensible*": -1.5,
  "illisible*": -1,
  "confus*": -1,
  "flou*": -1,
  "desagreable*": -1.5,
  "impoli*": -1.5,
  "agressi*": -1.5,
  "meprisant*": -1.5,
  "incompetent*": -1.5,
  "inefficace*": -1,
  "inutile*": -1,
  "injoignable*": -1.5,
  "perdu*": -0.5,
  "bug*": -1,
  "bogue*": -1,
  "erreur*": -1,
  "panne*": -1,
  dommage: -0.5,
  "regrett*": -0.5,
  "decu*": -1.5,
  "decevant*": -1.5,
  "deception*": -1.5,
  "insatisf*": -1.5,
  "mecontent*": -1.5,
  "enerv*": -1,
  "agace*": -1,
  "frustr*": -1,
  colere: -1.5,
  "fache*": -1,
  "absurde*": -1.5,
  "aberrant*": -1.5,
  "ridicule*": -1.5,
  pire: -2,
  "deplorable*": -2,
  "lamentable*": -2,
  "incoherent*": -1,
  "contradictoire*": -1,
  "retard*": -1,
  "bloque*": -1,
  "impossible*": -1,
  "insuffisant*": -1,
  "manque*": -0.5,
  "oubli*": -0.5,
  "froid*": -0.5,
  "sature*": -1,
  "abandon*": -0.5,
  plante: -1,
  plantage: -1,
  "plantai*": -1,
  "renvoye*": -0.5,
  "balade*": -1,
};

/**
 * Words that say nothing alone but a failure when negated: "jamais reçu", "pas de réponse",
 * "personne n'a rappelé".
 */
const EXPECTATIONS = new Set([
  "recu",
  "recue",
  "recus",
  "reponse",
  "reponses",
  "repondu",
  "rappele",
  "rappelee",
  "abouti",
  "trouve",
  "compris",
  "explique",
  "informe",
  "informee",
  "aide",
  "aidee",
  "traite",
  "traitee",
  "nouvelles",
  "joindre",
  "resultat",
  "repondre",
]);
const EXPECTATION_NEGATED = -1.2;

const NEGATORS = new Set([
  "n",
  "ne",
  "pas",
  "jamais",
  "aucun",
  "aucune",
  "rien",
  "sans",
  "ni",
  "guere",
  "nullement",
]);
/** Words skipped when counting the reach of a negation: "pas du tout été reçu". */
const FILLERS = new Set([
  "du",
  "tout",
  "ete",
  "etre",
  "encore",
  "toujours",
  "de",
  "d",
  "un",
  "une",
  "a",
  "ai",
  "eu",
]);
const NEGATION_REACH = 3;
/** A negated opinion is weaker than its opposite ("pas mal" is less than "bien"). */
const NEGATION_FACTOR = -0.75;

const BOOSTERS: Record<string, number> = {
  tres: 1.5,
  beaucoup: 1.3,
  vraiment: 1.5,
  trop: 1.4,
  extremement: 1.8,
  tellement: 1.5,
  hyper: 1.6,
  super: 1.5,
  particulierement: 1.4,
  totalement: 1.6,
  completement: 1.6,
  absolument: 1.6,
  si: 1.3,
  assez: 0.7,
  plutot: 0.7,
};
const SOFTENER = 0.5; // "un peu long"
const AFTER_BUT = 1.5;

const exact = new Map<string, number>();
const prefixes: [string, number][] = [];
for (const [word, score] of Object.entries(LEXICON)) {
  if (word.endsWith("*")) prefixes.push([word.slice(0, -1), score]);
  else exact.set(word, score);
}
prefixes.sort((a, b) => b[0].length - a[0].length);

function polarity(word: string): number | undefined {
  const known = exact.get(word);
  if (known !== undefined) return known;
  for (const [prefix, score] of prefixes) if (word.startsWith(prefix)) return score;
  return undefined;
}

/** Sentences and clauses: a negation or a booster never reaches past punctuation. */
function clauses(text: string): string[][] {
  return text
    .split(/[.!?;:,\n()]+/)
    .map((part) => normaliseForMatching(part).trim().split(" ").filter(Boolean))
    .filter((words) => words.length > 0);
}

function negated(words: string[], index: number): boolean {
  let seen = 0;
  for (let i = index - 1; i >= 0 && seen < NEGATION_REACH; i--) {
    const word = words[i] as string;
    if (NEGATORS.has(word)) return true;
    // "ne … plus" is a negation, "plus rapide" a comparison.
    if (word === "plus" && words.slice(Math.max(0, i - 3), i).includes("n")) return true;
    if (word === "peu" && words[i - 1] !== "un") return true;
    if (!FILLERS.has(word)) seen++;
  }
  return false;
}

function booster(words: string[], index: number): number {
  let factor = 1;
  for (let i = index - 1; i >= 0 && i >= index - 2; i--) {
    const word = words[i] as string;
    if (word === "peu" && words[i - 1] === "un") return SOFTENER;
    const boost = BOOSTERS[word];
    if (boost === undefined) break;
    factor *= boost;
  }
  return factor;
}

/** -1…1 (rounded to 2 decimals) or null when nothing in the text carries an opinion. */
export function frenchSentiment(text: string): number | null {
  let total = 0;
  let opinions = 0;
  for (const words of clauses(text)) {
    let weight = 1;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      if (word === "mais" || word === "cependant" || word === "pourtant" || word === "neanmoins") {
        weight = AFTER_BUT;
        continue;
      }
      // "super" before an opinion word is a booster, not an opinion of its own.
      if (
        BOOSTERS[word] !== undefined &&
        i + 1 < words.length &&
        polarity(words[i + 1] as string) !== undefined
      )
        continue;
      const isNegated = negated(words, i);
      let score = polarity(word);
      if (score === undefined) {
        if (isNegated && EXPECTATIONS.has(word)) score = EXPECTATION_NEGATED;
        else continue;
      } else {
        score *= booster(words, i);
        if (isNegated) score *= NEGATION_FACTOR;
      }
      total += score * weight;
      opinions++;
    }
  }
  if (opinions === 0) return null;
  // Squashed like VADER's normalisation: a few strong words approach ±1, never exceed it.
  const squashed = total / Math.sqrt(total * total + 4);
  return Math.round(squashed * 100) / 100;
}
