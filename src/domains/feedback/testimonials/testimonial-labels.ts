/** The French words citizens and agents read for a testimonial's choices. */
import type { TestimonialChannel, TestimonialFeeling } from "../../../shared/database.ts";

export const TESTIMONIAL_CHANNEL_LABELS: Record<TestimonialChannel, string> = {
  guichet: "Au guichet, en mairie",
  telephone: "Par téléphone",
  courriel: "Par courriel",
  site: "Sur le site internet",
  chat: "Par l'assistant en ligne",
  courrier: "Par courrier",
  autre: "Autre",
};

export const TESTIMONIAL_FEELING_LABELS: Record<TestimonialFeeling, string> = {
  satisfait: "Satisfait ou satisfaite",
  mitige: "Mitigé ou mitigée",
  mecontent: "Mécontent ou mécontente",
};

/** Tags a citizen may choose (a fixed list, so the public filter stays meaningful). */
export const TESTIMONIAL_TAGS = {
  accueil: "Accueil",
  delais: "Délais",
  information: "Clarté de l'information",
  "demarche-en-ligne": "Démarche en ligne",
  "etat-civil": "État civil",
  urbanisme: "Urbanisme",
  accessibilite: "Accessibilité",
  horaires: "Horaires",
} as const;

export type TestimonialTag = keyof typeof TESTIMONIAL_TAGS;

export function isTestimonialTag(value: string): value is TestimonialTag {
  return Object.hasOwn(TESTIMONIAL_TAGS, value);
}

export function isTestimonialChannel(value: string): value is TestimonialChannel {
  return Object.hasOwn(TESTIMONIAL_CHANNEL_LABELS, value);
}

export function isTestimonialFeeling(value: string): value is TestimonialFeeling {
  return Object.hasOwn(TESTIMONIAL_FEELING_LABELS, value);
}
