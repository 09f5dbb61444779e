/** The French refusals of the feedback use cases (codes drive the HTTP status). */
import { AppError } from "../../shared/app-error.ts";
import type { AnswerError } from "./validate-answers.ts";

export const ALREADY_ANSWERED = "Vous avez déjà répondu, merci.";

export function invitationInvalid(): AppError {
  return new AppError("NOT_FOUND", {
    message: "feedback invitation unknown",
    userMessage:
      "Ce lien pour donner votre avis n'est pas valide : vérifiez qu'il est complet. Vous pouvez aussi donner votre avis sans lien.",
    details: { reason: "invitation_invalid" },
  });
}

export function invitationExpired(): AppError {
  return new AppError("NOT_FOUND", {
    message: "feedback invitation expired",
    userMessage:
      "Ce lien pour donner votre avis a expiré : il était valable 30 jours. Vous pouvez tout de même donner votre avis sans lien.",
    details: { reason: "invitation_expired" },
  });
}

export function invitationUsed(): AppError {
  return new AppError("CONFLICT", {
    message: "feedback invitation already used",
    userMessage: ALREADY_ANSWERED,
    details: { reason: "invitation_used" },
  });
}

export function questionnaireNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "questionnaire not found",
    userMessage: "Ce questionnaire n'existe pas ou n'est plus proposé.",
  });
}

/** All the answers' problems at once; `userMessage` is the first, `details.errors` has each by question. */
export function answersRefused(errors: AnswerError[]): AppError {
  return new AppError("BAD_REQUEST", {
    message: "feedback answers refused",
    userMessage: errors[0]?.message ?? "Vos réponses ne sont pas valides.",
    details: { errors },
  });
}
