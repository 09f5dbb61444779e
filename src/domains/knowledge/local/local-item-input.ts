import { stripControlCharacters } from "../../../shared/text.ts";
import type { LocalItemKind } from "./local-item.ts";

/** What an editor submits, as raw form strings. */
export type LocalItemForm = {
  title?: string | undefined;
  summary?: string | undefined;
  body?: string | undefined;
  /** One alternative phrasing per line (FAQ). */
  altQuestions?: string | undefined;
  /** "YYYY-MM-DD" (news). */
  publishedOn?: string | undefined;
};

export type LocalItemField = keyof LocalItemForm;

export type LocalItemInput = {
  title: string;
  summary: string;
  body: string;
  altQuestions: string[];
  /** News only; "YYYY-MM-DD" or null. */
  publishedOn: string | null;
};

export type LocalItemValidation =
  | { ok: true; input: LocalItemInput }
  | { ok: false; errors: Partial<Record<LocalItemField, string>> };

export const LIMITS = {
  title: 200,
  summary: 500,
  body: 20_000,
  altQuestion: 200,
  altQuestions: 20,
} as const;

function clean(value: string | undefined): string {
  return stripControlCharacters(value ?? "")
    .replace(/\r\n?/g, "\n")
    .trim();
}

function length(text: string): number {
  return [...text].length;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Validates an editor's form; messages are French and name the field's problem. */
export function validateLocalItemForm(kind: LocalItemKind, form: LocalItemForm): LocalItemValidation {
  const errors: Partial<Record<LocalItemField, string>> = {};
  const title = clean(form.title).replace(/\s+/g, " ");
  const summary = clean(form.summary).replace(/\s+/g, " ");
  const body = clean(form.body);
  const altQuestions = [
    ...new Set(
      clean(form.altQuestions)
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter((line) => line.length > 0),
    ),
  ];
  const publishedOn = clean(form.publishedOn);

  const titleName = kind === "faq" ? "La question" : "Le titre";
  if (title.length === 0) errors.title = `${titleName} est obligatoire.`;
  else if (length(title) > LIMITS.title) {
    errors.title = `${titleName} ne doit pas dépasser ${LIMITS.title} caractères (actuellement ${length(title)}).`;
  }
  if (length(summary) > LIMITS.summary) {
    errors.summary = `Le résumé ne doit pas dépasser ${LIMITS.summary} caractères (actuellement ${length(summary)}).`;
  }
  const bodyName = kind === "faq" ? "La réponse" : "Le texte";
  if (body.length === 0) errors.body = `${bodyName} est obligatoire.`;
  else if (length(body) > LIMITS.body) {
    errors.body = `${bodyName} ne doit pas dépasser 20 000 caractères (actuellement ${length(body)}).`;
  }
  if (kind === "faq") {
    if (altQuestions.length > LIMITS.altQuestions) {
      errors.altQuestions = `Indiquez au plus ${LIMITS.altQuestions} autres formulations.`;
    } else if (altQuestions.some((q) => length(q) > LIMITS.altQuestion)) {
      errors.altQuestions = `Chaque formulation ne doit pas dépasser ${LIMITS.altQuestion} caractères.`;
    }
  }
  if (kind === "news" && publishedOn !== "" && !isRealDate(publishedOn)) {
    errors.publishedOn = "Saisissez une date de publication valide, par exemple 2026-03-15.";
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      summary,
      body,
      altQuestions: kind === "faq" ? altQuestions : [],
      publishedOn: kind === "news" && publishedOn !== "" ? publishedOn : null,
    },
  };
}
