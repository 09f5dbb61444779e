/**
 * Reads a citizen's testimonial: every refusal at once (field id → French message), and the text
 * scrubbed of contact details before anything else sees it. Field ids are the public form's.
 */
import type { TestimonialChannel, TestimonialFeeling } from "../../../shared/database.ts";
import { collapseWhitespace, stripControlCharacters } from "../../../shared/text.ts";
import { scrubContactDetails } from "../../assistant/scrub-contact-details.ts";
import { findInsults } from "./insult-words.ts";
import {
  isTestimonialChannel,
  isTestimonialFeeling,
  isTestimonialTag,
  type TestimonialTag,
} from "./testimonial-labels.ts";

export const TITLE_MAX = 120;
export const STORY_MIN = 20;
export const STORY_MAX = 4000;

export type TestimonialForm = {
  canal?: string;
  titre?: string;
  recit?: string;
  ressenti?: string;
  etiquettes?: string[];
  email?: string;
};

export type TestimonialInput = {
  channel: TestimonialChannel;
  title: string;
  story: string;
  feeling: TestimonialFeeling;
  tags: TestimonialTag[];
  notifyEmail: string | null;
  flaggedWords: string[];
};

export type InputError = { field: string; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Scrubbed, trimmed text with its line breaks kept (a story has paragraphs). */
export function cleanText(text: string): string {
  return scrubContactDetails(stripControlCharacters(text).replace(/\r\n?/g, "\n"))
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function readTestimonialForm(
  form: TestimonialForm,
): { ok: true; input: TestimonialInput } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];
  const channel = form.canal ?? "";
  if (!isTestimonialChannel(channel))
    errors.push({ field: "canal", message: "Indiquez comment vous avez été en contact avec nous." });
  const title = collapseWhitespace(cleanText(form.titre ?? ""));
  if (title === "") errors.push({ field: "titre", message: "Donnez un titre à votre témoignage." });
  else if (title.length > TITLE_MAX)
    errors.push({ field: "titre", message: `Le titre doit faire ${TITLE_MAX} caractères au plus.` });
  const rawStory = form.recit ?? "";
  const story = rawStory.length > STORY_MAX * 2 ? "" : cleanText(rawStory);
  if (rawStory.trim() === "") errors.push({ field: "recit", message: "Racontez ce qui s'est passé." });
  else if (story.length > STORY_MAX || story === "")
    errors.push({
      field: "recit",
      message: `Votre récit est trop long : ${STORY_MAX} caractères au plus (il en fait ${rawStory.length}).`,
    });
  else if (story.length < STORY_MIN)
    errors.push({
      field: "recit",
      message: `Votre récit est trop court : écrivez au moins ${STORY_MIN} caractères pour que nous comprenions.`,
    });
  const feeling = form.ressenti ?? "";
  if (!isTestimonialFeeling(feeling))
    errors.push({ field: "ressenti", message: "Indiquez comment vous vous êtes senti ou sentie." });
  const tags = [...new Set(form.etiquettes ?? [])];
  if (!tags.every(isTestimonialTag))
    errors.push({ field: "etiquettes", message: "Choisissez les thèmes dans la liste proposée." });
  const email = (form.email ?? "").trim();
  if (email !== "" && (email.length > 254 || !EMAIL.test(email)))
    errors.push({
      field: "email",
      message:
        "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr, ou laissez ce champ vide.",
    });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      channel: channel as TestimonialChannel,
      title,
      story,
      feeling: feeling as TestimonialFeeling,
      tags: tags as TestimonialTag[],
      notifyEmail: email === "" ? null : email,
      flaggedWords: findInsults(`${title}\n${story}`),
    },
  };
}
