/**
 * A citizen's message in a conversation, and the assistant's reply: decided first (plan-reply.ts,
 * reads only), then written in one transaction with what it implies — the case of a hand-off, the
 * question kept for editors, the vote. After a hand-off, messages go to the case's thread.
 */

import { isAppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { addCitizenMessage, MAX_BODY_LENGTH, openCase } from "../cases/index.ts";
import { isAgentAvailable } from "./agent-presence.ts";
import type { AssistantReply } from "./assistant.types.ts";
import type { AssistantContext } from "./assistant-context.ts";
import { conversationNotFound } from "./conversation-errors.ts";
import { isConversationId } from "./conversation-id.ts";
import { type ConversationState, readConversationState } from "./conversation-state.ts";
import {
  type ConversationRow,
  insertAssistantReply,
  insertConversationMessage,
  selectConversation,
  selectConversationMessages,
  setMessageHelpful,
  updateConversation,
} from "./conversations.repo.ts";
import { detectIntent } from "./detect-intent.ts";
import { cleanMessage } from "./normalize-message.ts";
import { type Plan, planReply } from "./plan-reply.ts";
import { recordUnanswered } from "./record-unanswered.ts";
import { replies } from "./replies.ts";

/** Longest text stored for one citizen message (longer ones are refused, but kept in part). */
const STORED_LENGTH = 10_000;

export async function loadConversation(
  context: AssistantContext,
  organisationId: string,
  id: string,
): Promise<ConversationRow> {
  if (!isConversationId(id)) throw conversationNotFound();
  const conversation = await selectConversation(context.db, organisationId, id);
  if (!conversation) throw conversationNotFound();
  return conversation;
}

function transcript(messages: { author: string; text: string }[], last: string): string {
  const names: Record<string, string> = { citizen: "Usager", assistant: "Assistant", agent: "Agent" };
  const lines = [...messages.map((m) => `${names[m.author] ?? m.author} : ${m.text}`), `Usager : ${last}`];
  const body = `Conversation avec l'assistant (transcription) :\n\n${lines.join("\n\n")}`;
  return body.length <= MAX_BODY_LENGTH ? body : `…${body.slice(body.length - MAX_BODY_LENGTH + 1)}`;
}

type HandoffDetails = { live: boolean; transcript: string; firstQuestion: string | null };

/** What a hand-off needs besides the plan: the transcript, a subject, and whether someone is there. */
async function prepareHandoff(
  context: AssistantContext,
  conversation: ConversationRow,
  text: string,
): Promise<HandoffDetails> {
  const [history, live] = await Promise.all([
    selectConversationMessages(context.db, conversation.organisationId, conversation.id, { last: 40 }),
    isAgentAvailable(context.db, { organisationId: conversation.organisationId, now: context.clock.now() }),
  ]);
  const firstQuestion =
    [...history.filter((m) => m.author === "citizen").map((m) => m.text), text].find(
      (message) => detectIntent(message).type === "question" && message.split(/\s+/).length >= 3,
    ) ?? null;
  return { live, transcript: transcript(history, text), firstQuestion };
}

/** After a hand-off the conversation is the case's thread: the message goes there first. */
async function forwardToCase(
  context: AssistantContext,
  conversation: ConversationRow,
  state: ConversationState,
  text: string,
): Promise<Plan> {
  const handoff = state.handoff as NonNullable<ConversationState["handoff"]>;
  try {
    await addCitizenMessage(context.db, {
      organisationId: conversation.organisationId,
      caseId: handoff.caseId,
      body: text.slice(0, MAX_BODY_LENGTH),
      clock: context.clock,
    });
    return { reply: replies.forwardedToAgent(handoff.reference), state };
  } catch (error) {
    if (!isAppError(error) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
    const { handoff: _done, ...rest } = state;
    return { reply: replies.caseClosed(handoff.reference), state: rest };
  }
}

/** The reply, and for the caller's log how it was made (never text). */
export type TurnReply = AssistantReply & { trace?: Plan["trace"] };

export async function postCitizenMessage(
  context: AssistantContext,
  input: { organisationId: string; conversationId: string; text: string },
): Promise<TurnReply> {
  const conversation = await loadConversation(context, input.organisationId, input.conversationId);
  const state = readConversationState(conversation.state);
  const text = cleanMessage(input.text);
  const plan =
    state.handoff && text !== ""
      ? await forwardToCase(context, conversation, state, text)
      : await planReply(context, { organisationId: input.organisationId, state, text });
  const handoff = plan.effect?.type === "handoff" ? await prepareHandoff(context, conversation, text) : null;

  const messageId = newId();
  const at = context.clock.now();
  return context.db.transaction().execute(async (trx) => {
    await selectConversation(trx, input.organisationId, conversation.id, { forUpdate: true });
    await insertConversationMessage(trx, {
      organisationId: input.organisationId,
      conversationId: conversation.id,
      author: "citizen",
      kind: "question",
      text: (text || input.text.trim()).slice(0, STORED_LENGTH),
      at,
    });
    const {
      reply,
      state: nextState,
      caseId,
    } = await applyEffect(trx, context, {
      plan,
      conversation,
      handoff,
    });
    if (reply.askHelpful) nextState.lastAnswer = { messageId, query: text.slice(0, 1000) };
    await insertAssistantReply(trx, {
      organisationId: input.organisationId,
      conversationId: conversation.id,
      messageId,
      reply,
      at: new Date(at.getTime() + 1),
    });
    await updateConversation(trx, {
      organisationId: input.organisationId,
      id: conversation.id,
      state: nextState,
      outcome: plan.outcome,
      caseId,
      topic: plan.outcome === "answered" ? reply.sources[0]?.id : undefined,
      at,
      countTurn: true,
    });
    return { messageId, ...reply, trace: plan.trace };
  });
}

async function applyEffect(
  trx: Db,
  context: AssistantContext,
  input: { plan: Plan; conversation: ConversationRow; handoff: HandoffDetails | null },
) {
  const { plan, conversation } = input;
  const state: ConversationState = { ...plan.state };
  const effect = plan.effect;
  if (!effect) return { reply: plan.reply, state, caseId: undefined };
  const organisationId = conversation.organisationId;
  switch (effect.type) {
    case "unanswered":
      await recordUnanswered(trx, {
        organisationId,
        conversationId: conversation.id,
        question: effect.question,
        reason: effect.reason,
        at: context.clock.now(),
      });
      return { reply: plan.reply, state, caseId: undefined };
    case "vote":
      await setMessageHelpful(trx, {
        organisationId,
        conversationId: conversation.id,
        messageId: effect.messageId,
        helpful: effect.helpful,
      });
      if (!effect.helpful)
        await recordUnanswered(trx, {
          organisationId,
          conversationId: conversation.id,
          question: effect.question,
          reason: "not_helpful",
          at: context.clock.now(),
        });
      return { reply: plan.reply, state, caseId: undefined };
    case "handoff": {
      const details = input.handoff as HandoffDetails;
      const subject = effect.topic ?? details.firstQuestion ?? "Demande transmise par l'assistant en ligne";
      const opened = await openCase(trx, {
        organisationId,
        channel: "chat",
        subject: subject.slice(0, 150),
        contact: effect.contact,
        body: details.transcript,
        submissionKey: `conversation:${conversation.id}`,
        publicUrl: context.publicUrl,
        clock: context.clock,
      });
      await recordEvent(trx, {
        organisationId,
        entityType: "conversation",
        entityId: conversation.id,
        action: "conversation.handed_off",
        data: { caseId: opened.caseId, live: details.live },
      });
      state.handoff = { caseId: opened.caseId, reference: opened.reference };
      const reply = {
        ...replies.handedOff(opened.reference, details.live, effect.contact.email !== null),
        case: { reference: opened.reference },
      };
      return { reply, state, caseId: opened.caseId };
    }
  }
}
