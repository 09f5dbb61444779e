/**
 * "Votre avis sur cet échange" at the end of a chat: the short satisfaction questionnaire (CSAT 1–5 and
 * an optional comment), tagged channel `chat` with the conversation, one answer per conversation.
 */
import { submitFeedbackAnswer } from "../feedback/index.ts";
import type { AssistantContext } from "./assistant-context.ts";
import { loadConversation } from "./post-citizen-message.ts";

export async function rateConversation(
  context: AssistantContext,
  input: { organisationId: string; conversationId: string; rating: unknown; comment?: string | undefined },
): Promise<{ created: boolean }> {
  const conversation = await loadConversation(context, input.organisationId, input.conversationId);
  const comment = input.comment?.trim();
  const result = await submitFeedbackAnswer(context.db, {
    organisationId: input.organisationId,
    clock: context.clock,
    questionnaireSlug: "csat",
    channel: "chat",
    conversationId: conversation.id,
    answers: { csat: input.rating, ...(comment ? { commentaire: comment } : {}) },
    submissionKey: `conversation:${conversation.id}`,
  });
  return { created: result.created };
}
