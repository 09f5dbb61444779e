/**
 * Who reads what. The dashboard and the list of conversations show counts and metadata only: desk
 * agents read them (they staff the phone and the counter) as well as admins. A transcript is the
 * citizen's own words, often with personal details: admins only, and each reading is audited.
 */
import { AppError } from "../../../shared/app-error.ts";

type Roles = { roles: readonly string[] };

export function canReadNeeds(agent: Roles): boolean {
  return agent.roles.includes("agent") || agent.roles.includes("admin");
}

export function canReadTranscripts(agent: Roles): boolean {
  return agent.roles.includes("admin");
}

export const NEEDS_ROLE_REQUIRED_MESSAGE =
  "Le tableau des besoins est réservé aux agents d'accueil et aux administrateurs.";
export const TRANSCRIPT_ROLE_REQUIRED_MESSAGE =
  "La lecture des conversations avec l'assistant est réservée aux administrateurs.";

export function transcriptForbidden(): AppError {
  return new AppError("FORBIDDEN", {
    message: "admin role required to read a transcript",
    userMessage: TRANSCRIPT_ROLE_REQUIRED_MESSAGE,
  });
}
