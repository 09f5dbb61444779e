import { AppError } from "../../shared/app-error.ts";

export const CONVERSATION_NOT_FOUND_MESSAGE =
  "Cette conversation n'existe pas ou a expiré. Commencez une nouvelle conversation.";

export function conversationNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "conversation not found",
    userMessage: CONVERSATION_NOT_FOUND_MESSAGE,
  });
}
