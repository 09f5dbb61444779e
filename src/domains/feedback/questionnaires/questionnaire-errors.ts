/** The French refusals of questionnaire editing (codes drive the HTTP status; `details` the page). */
import { AppError } from "../../../shared/app-error.ts";
import type { DefinitionError } from "./check-definition.ts";

export function questionnaireUnknown(): AppError {
  return new AppError("NOT_FOUND", {
    message: "questionnaire not found",
    userMessage: "Ce questionnaire n'existe pas.",
  });
}

export function versionUnknown(): AppError {
  return new AppError("NOT_FOUND", {
    message: "questionnaire version not found",
    userMessage: "Cette version du questionnaire n'existe pas.",
  });
}

/**
 * Every problem at once: the slug's (a new questionnaire) and each of the definition with its path.
 * `userMessage` is the first; `details.errors` has them all, `details.slug` the slug's.
 */
export function definitionRefused(errors: DefinitionError[], slug?: string | null): AppError {
  return new AppError("BAD_REQUEST", {
    message: "questionnaire definition refused",
    userMessage: slug ?? errors[0]?.message ?? "La définition du questionnaire n'est pas valide.",
    details: { field: slug ? "slug" : "definition", errors, ...(slug ? { slug } : {}) },
  });
}

export function slugTaken(slug: string): AppError {
  return new AppError("CONFLICT", {
    message: "questionnaire slug taken",
    userMessage: `Un questionnaire utilise déjà l'adresse /avis/${slug} : choisissez-en une autre.`,
    details: { field: "slug" },
  });
}

export function staleVersion(current: number): AppError {
  return new AppError("CONFLICT", {
    message: "questionnaire changed meanwhile",
    userMessage: `Ce questionnaire a été modifié entre-temps (il en est à la version ${current}). Copiez vos changements, rechargez la page et refaites-les sur la dernière version.`,
    details: { field: "definition" },
  });
}

export function statusRefused(userMessage: string): AppError {
  return new AppError("CONFLICT", {
    message: "questionnaire status change refused",
    userMessage,
    details: { field: "status" },
  });
}

/** A citizen's form names a version its questionnaire does not have (forged or mangled). */
export function answeredVersionUnknown(): AppError {
  return new AppError("BAD_REQUEST", {
    message: "answered questionnaire version unknown",
    userMessage:
      "Ce formulaire correspond à une version du questionnaire qui n'existe pas. Rechargez la page du questionnaire pour y répondre.",
    details: { reason: "version_unknown" },
  });
}
