/**
 * What a rephrasing must never say: that something was done for the citizen (the assistant triggers no
 * action; a hand-off is the assistant's own explicit step, confirmed by the citizen), that it is someone
 * else, or what its instructions are.
 */
import { foldAccents } from "../../../shared/text.ts";
import { SYSTEM_PROMPT } from "./build-prompt.ts";

const DONE =
  "(cree|envoye|transmis|enregistre|depose|valide|annule|modifie|supprime|programme|reserve|pris en compte|" +
  "fixe|ouvert|inscrit|paye|regle|rembourse|signale|contacte|prevenu|note|traite|accepte|transfere|" +
  "effectue|soumis|confirme|recu|pris|transmettre|inscrire)(e|s|es|r)?";
const THING =
  "(demande|dossier|rendez-vous|requete|reclamation|inscription|reservation|paiement|signalement|message|" +
  "plainte|candidature|declaration|passeport|carte|acte|courrier|formulaire)s?";

const ACTION_CLAIMS: RegExp[] = [
  new RegExp(
    `\\b(j'ai|je viens d'|je viens de|nous avons|nous venons de|nous venons d'|on a) ?(bien |deja |aussi )?${DONE}\\b`,
  ),
  new RegExp(`\\b(votre|vos|ta|ton|tes) ${THING}\\b[^.!?]{0,40}?\\b(a|ont) (bien |deja )?ete ${DONE}\\b`),
  new RegExp(
    `\\b(votre|vos|ta|ton|tes) ${THING}\\b[^.!?]{0,40}?\\b(est|sont) (bien|deja|desormais|maintenant) ${DONE}\\b`,
  ),
  /\b(je|nous) (vais|allons) (vous )?(transmettre|envoyer|creer|enregistrer|deposer|reserver|prendre|contacter|prevenir|inscrire|signaler|faire suivre|rappeler)\b/,
  /\b(je|nous) (m'occupe|nous occupons|transmets|transmettons|envoie|envoyons|vous inscris|vous inscrivons|previens|prevenons)\b/,
  /\bc'est (bien )?(fait|note|enregistre|transmis|envoye|regle)\b/,
  /\b(un|une|l') ?(agent|conseiller|conseillere|employe)\b.{0,20}\b(va|vont) (vous )?(rappeler|contacter|recontacter|ecrire)\b/,
];

// A condition in the same clause ("lorsque votre dossier a été transmis, …") describes a procedure.
const CONDITION =
  /\b(si|lorsque|lorsqu|quand|des que|des qu|une fois que|une fois qu|apres que|avant que|tant que|sauf si)\b/;

const OFF_ROLE: RegExp[] = [
  /\bje suis (un |une |l'|le |la )?(assistant|ia|intelligence|modele|chatbot|robot|agent|bot|programme)/,
  /\bje suis [a-z]*bot\b/,
  /\ben tant qu'(assistant|ia|agent|intelligence)/,
  /\b(mes|ces|les) (consignes|instructions|regles)\b/,
  /\b(prompt|system prompt|message systeme|instructions? systeme)\b/,
  /<\/?donnees>|\bbloc donnees\b|\baucune_reponse\b/,
];

export function claimsAnAction(text: string): boolean {
  return sentences(text).some((sentence) => {
    const match = ACTION_CLAIMS.map((pattern) => pattern.exec(sentence)).find(Boolean);
    if (!match) return false;
    const clause = sentence.slice(0, match.index).split(/[,;:]/).pop() ?? "";
    return !CONDITION.test(clause) && !sentence.trimEnd().endsWith("?");
  });
}

/** Talks about itself or its instructions, or repeats five words in a row of the system prompt. */
export function leavesItsRole(text: string, passagesText: string): boolean {
  const folded = fold(text);
  const passages = fold(passagesText);
  if (OFF_ROLE.some((pattern) => pattern.test(folded) && !pattern.test(passages))) return true;
  const passageShingles = shingles(passages);
  return [...shingles(folded)].some((s) => PROMPT_SHINGLES.has(s) && !passageShingles.has(s));
}

const SHINGLE = 5;
function shingles(folded: string): Set<string> {
  const words = folded.split(/[^a-z0-9_]+/).filter(Boolean);
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) result.add(words.slice(i, i + SHINGLE).join(" "));
  return result;
}

const PROMPT_SHINGLES = shingles(fold(SYSTEM_PROMPT));

function fold(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/[’ʼ]/g, "'");
}

function sentences(text: string): string[] {
  return fold(text).split(/(?<=[.!?])\s+|\n+/);
}
