/**
 * Whether a text talks to the model instead of to the citizen ("ignore tes consignes", "tu es maintenant…",
 * chat-template tokens). A knowledge-base passage never should: one that does was tampered with, and is
 * kept out of the prompt. Not used to judge the citizen's question, which is expected to be hostile
 * sometimes and is handled as data plus output validation.
 */
import { foldAccents } from "../../../shared/text.ts";

// Written so that ordinary administrative French does not match ("désormais, vous devez prendre
// rendez-vous", "vous êtes maintenant inscrit", "de nouvelles règles s'appliquent").
const PATTERNS: RegExp[] = [
  /\b(ignore[rsz]?|oublie[rsz]?|ne tiens? pas compte|ne tenez pas compte|fais abstraction|faites abstraction)\b.{0,40}\b(instructions?|consignes?|regles|directives|prompt|messages? precedents?)\b/,
  /\b(tu es|tu deviens|agis comme|joue le role)\b.{0,20}\b(desormais|maintenant|a present|un assistant|une ia|un modele|un chatbot)\b/,
  /\bvous etes (desormais |maintenant )?(un assistant|une ia|un modele|un chatbot)\b/,
  /\b(a partir de maintenant|desormais),? tu (dois|reponds|es)\b/,
  /\b(prompt|message|instructions?|consignes?) (systeme|system|cachees?)\b/,
  /\b(note|message|consigne|instruction)s? (pour|a|au) (l'|le |la )?(ia|assistant|modele|chatbot|intelligence artificielle|gpt|llm)\b/,
  /\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|all)\b.{0,20}\b(instructions?|rules|prompts?)\b/,
  /\b(you are now|system prompt|new instructions|jailbreak|developer mode)\b/,
  /<\|?(im_start|im_end|system|endoftext)\|?>|\[\/?inst\]|<<\/?sys>>|^#{2,} ?(instruction|system)/m,
];

export function looksLikeInstructions(text: string): boolean {
  const folded = foldAccents(text.toLowerCase()).replace(/[’ʼ`]/g, "'");
  return PATTERNS.some((pattern) => pattern.test(folded));
}
