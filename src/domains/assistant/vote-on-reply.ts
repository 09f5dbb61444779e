/**
 * "Cette réponse vous a-t-elle aidé ?" answered with the buttons (the text "oui"/"non" goes through
 * the turn instead). A "non" keeps the question for editors and offers a person.
 */
import { AppError } from "../../shared/app-error.ts";
import { newId } from "../../shared/ids.ts";
import type { AssistantReply } from "./assistant.types.ts";
import type { AssistantContext } from "./assistant-context.ts";
import { readConversationState } from "./conversation-state.ts";
import {
  insertAssistantReply,
  selectConversationMessages,
  setMessageHelpful,
  updateConversation,
} from "./conversations.repo.ts";
import { loadConversation } from "./post-citizen-message.ts";
import { recordUnanswered } from "./record-unanswered.ts";
import { replies } from "./replies.ts";

export async function voteOnReply(
  context: AssistantContext,
  input: { organisationId: string; conversationId: string; messageId: string; helpful: boolean },
): Promise<AssistantReply> {
  const conversation = await loadConversation(context, input.organisationId, input.conversationId);
  const state = readConversationState(conversation.state);
  const messages = await selectConversationMessages(context.db, input.organisationId, conversation.id);
  const index = messages.findIndex((m) => m.id === input.messageId && m.author === "assistant");
  const voted = messages[index];
  if (!voted || !voted.payload.askHelpful) {
    throw new AppError("NOT_FOUND", {
      message: "vote on unknown message",
      userMessage: "Cette réponse n'existe pas dans la conversation : votre avis n'a pas pu être enregistré.",
    });
  }
  const question = [...messages.slice(0, index)].reverse().find((m) => m.author === "citizen")?.text ?? "";
  const reply = input.helpful ? replies.helpfulYes() : replies.helpfulNo();
  const messageId = newId();
  const at = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    await setMessageHelpful(trx, { ...input, conversationId: conversation.id });
    if (!input.helpful && question)
      await recordUnanswered(trx, {
        organisationId: input.organisationId,
        conversationId: conversation.id,
        question,
        reason: "not_helpful",
        at,
      });
    await insertAssistantReply(trx, {
      organisationId: input.organisationId,
      conversationId: conversation.id,
      messageId,
      reply,
      at,
    });
    const { lastAnswer: _answered, ...rest } = state;
    await updateConversation(trx, {
      organisationId: input.organisationId,
      id: conversation.id,
      state: rest,
      at,
      countTurn: false,
    });
  });
  return { messageId, ...reply };
}
