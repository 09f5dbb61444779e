/**
 * How a conversation ended, for the figures to come (answer rate, hand-off rate, deflection).
 * "abandoned" is not stored: it is a conversation that went quiet while the assistant was waiting
 * for the citizen (a choice, a contact, an e-mail address) or before anything was answered.
 */
import type { ConversationOutcome } from "./assistant.types.ts";
import { readConversationState } from "./conversation-state.ts";

export type FinalOutcome = Exclude<ConversationOutcome, "none"> | "abandoned" | "ongoing";

/** A conversation quiet for this long is over. */
export const CONVERSATION_IDLE_MS = 30 * 60 * 1000;

export function finalOutcome(conversation: {
  outcome: ConversationOutcome;
  state: unknown;
  lastActivityAt: Date;
  now: Date;
}): FinalOutcome {
  if (conversation.now.getTime() - conversation.lastActivityAt.getTime() < CONVERSATION_IDLE_MS)
    return "ongoing";
  const state = readConversationState(conversation.state);
  const waiting =
    state.pending !== undefined || state.awaitingContact === true || state.awaitingStatusEmail !== undefined;
  if (conversation.outcome === "handed_off") return "handed_off";
  if (waiting || conversation.outcome === "none" || conversation.outcome === "clarified") return "abandoned";
  return conversation.outcome;
}
