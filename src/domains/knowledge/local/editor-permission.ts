import { AppError } from "../../../shared/app-error.ts";
import { type AgentRole, canEditContent } from "../../identity/index.ts";

/** Who makes a change: an agent, or null for the system itself (demo seed, imports). */
export type ContentActor = { id: string; roles: AgentRole[] } | null;

export const EDITOR_ROLE_REQUIRED_MESSAGE =
  "Votre compte ne permet pas de modifier les contenus. Demandez le rôle « éditeur » à un administrateur.";

export function assertCanEditContent(actor: ContentActor): void {
  if (actor !== null && !canEditContent(actor)) {
    throw new AppError("FORBIDDEN", {
      message: "editor role required",
      userMessage: EDITOR_ROLE_REQUIRED_MESSAGE,
    });
  }
}
