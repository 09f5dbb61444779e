/** The address of a custom questionnaire: /avis/<slug>, chosen by an admin. */
import { RESERVED_SLUGS, STANDARD_QUESTIONNAIRES } from "../standard-questionnaires.ts";

export const SLUG_PATTERN = /^[a-z0-9-]{2,40}$/;

/** The French reason a slug cannot be used, or null. Taken slugs are checked by the database. */
export function slugProblem(slug: string): string | null {
  if (slug === "") return "Indiquez l'adresse du questionnaire, par exemple « accueil-mairie ».";
  if (!SLUG_PATTERN.test(slug))
    return "L'adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (2 à 40 caractères), par exemple « accueil-mairie ».";
  if (slug === "jdma")
    return "L'adresse « jdma » est réservée : le questionnaire « Je donne mon avis » est déjà à /avis.";
  if (STANDARD_QUESTIONNAIRES.some((standard) => standard.slug === slug))
    return `L'adresse « ${slug} » est réservée au questionnaire standard du même nom : choisissez-en une autre.`;
  if (RESERVED_SLUGS.includes(slug))
    return `L'adresse « ${slug} » est réservée à une page du site (/avis/${slug}) : choisissez-en une autre.`;
  return null;
}
