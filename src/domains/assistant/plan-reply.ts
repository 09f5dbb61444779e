/**
 * One turn, decided: what the assistant answers, what it remembers, and what must be written with the
 * message (a case for a hand-off, an unanswered question for editors, a vote). Reads only; the turn
 * (post-citizen-message.ts) writes everything in one transaction.
 */
import { findCaseByReferenceAndEmail } from "../cases/index.ts";
import type { ReplySource } from "./assistant.types.ts";
import { MAX_MESSAGE_LENGTH } from "./assistant.types.ts";
import type { AssistantContext } from "./assistant-context.ts";
import { composeAnswer } from "./compose-answer.ts";
import type { ConversationState } from "./conversation-state.ts";
import {
  detectIntent,
  isCancel,
  looksLikeFollowUp,
  readChoice,
  readContact,
  readYesNo,
} from "./detect-intent.ts";
import { findAnswer } from "./find-answer.ts";
import { type ReplyDraft, replies } from "./replies.ts";

export type TurnEffect =
  | {
      type: "handoff";
      contact: { email: string | null; phone: string | null };
      /** The topic under discussion, if any; else the turn takes the first question asked. */
      topic: string | null;
    }
  | { type: "unanswered"; question: string; reason: "no_match" | "not_helpful" }
  | { type: "vote"; messageId: string; helpful: boolean; question: string };

export type Plan = {
  reply: ReplyDraft;
  state: ConversationState;
  outcome?: "answered" | "clarified" | "handed_off" | "unanswered" | undefined;
  effect?: TurnEffect | undefined;
  /** For logs: how the answer was made (ids and figures only, never text). */
  trace?: { answerMode: string; fallbackReason?: string; coverage?: number } | undefined;
};

const MAX_STATUS_ATTEMPTS = 3;

/** What the assistant remembers by default after a turn: nothing pending. */
function settled(state: ConversationState): ConversationState {
  const { pending: _p, lastAnswer: _l, awaitingContact: _a, awaitingStatusEmail: _s, ...rest } = state;
  return rest;
}

function lookupUrl(context: AssistantContext): string {
  return `${context.publicUrl}/suivi`;
}

async function answerQuestion(
  context: AssistantContext,
  organisationId: string,
  state: ConversationState,
  question: string,
  options: { onlySourceId?: string; contextual?: boolean } = {},
): Promise<Plan> {
  const base = settled(state);
  const finding = await findAnswer({
    search: context.search,
    passages: context.passages,
    organisationId,
    question,
    context: options.contextual && state.topic ? state.topic : undefined,
    onlySourceId: options.onlySourceId,
  });
  if (finding.kind === "clarify") {
    return {
      reply: replies.clarify(
        finding.options.map((option) => option.title),
        finding.reason,
      ),
      state: {
        ...base,
        pending: {
          query: question,
          choices: finding.options.map((o) => ({ label: o.title, sourceId: o.sourceId })),
        },
      },
      outcome: "clarified",
    };
  }
  if (finding.kind === "none") {
    return {
      reply: replies.unanswered(),
      state: base,
      outcome: "unanswered",
      effect: { type: "unanswered", question, reason: "no_match" },
    };
  }
  const { reply: composed, mode, reason } = await composeAnswer(context, { question, finding });
  if (!composed) {
    return {
      reply: replies.unanswered(),
      state: base,
      outcome: "unanswered",
      effect: { type: "unanswered", question, reason: "no_match" },
      trace: { answerMode: mode },
    };
  }
  const topicQuery = options.contextual && state.topic ? `${state.topic.query} ${question}` : question;
  return {
    trace: {
      answerMode: mode,
      ...(reason ? { fallbackReason: reason } : {}),
      coverage: Number(finding.coverage.toFixed(2)),
    },
    reply: composed,
    state: {
      ...base,
      topic: { query: topicQuery.slice(0, 1000), sourceId: finding.page.sourceId, title: finding.page.title },
    },
    outcome: "answered",
  };
}

async function statusLookup(
  context: AssistantContext,
  organisationId: string,
  state: ConversationState,
  reference: string,
  email: string,
): Promise<Plan> {
  const attempts = (state.statusAttempts ?? 0) + 1;
  const view = await findCaseByReferenceAndEmail(context.db, { organisationId, reference, email });
  const base = { ...settled(state), statusAttempts: view ? state.statusAttempts : attempts };
  if (!view) return { reply: replies.statusNotFound(lookupUrl(context)), state: base };
  const updatedAt = view.updatedAt.toLocaleDateString("fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Paris",
  });
  return {
    reply: replies.statusFound(
      { reference: view.reference, subject: view.subject, statusLabel: view.statusLabel, updatedAt },
      lookupUrl(context),
    ),
    state: base,
  };
}

/** The turn's decision. `text` is already cleaned (cleanMessage) and not empty. */
export async function planReply(
  context: AssistantContext,
  input: { organisationId: string; state: ConversationState; text: string },
): Promise<Plan> {
  const { organisationId, state, text } = input;
  if (text === "") return { reply: replies.empty(), state };
  if (text.length > MAX_MESSAGE_LENGTH)
    return { reply: replies.tooLong(MAX_MESSAGE_LENGTH), state: settled(state) };

  // Context-bound readings first: a pending step gives short answers their meaning.
  if (state.awaitingContact) {
    if (isCancel(text)) return { reply: replies.handoffCancelled(), state: settled(state) };
    const contact = readContact(text);
    if (contact.email || contact.phone) {
      return {
        reply: replies.handedOff("", false, contact.email !== null),
        state: settled(state),
        outcome: "handed_off",
        effect: { type: "handoff", contact, topic: state.topic?.title ?? null },
      };
    }
    const intent = detectIntent(text);
    if (intent.type !== "question" || text.split(/\s+/).length < 4)
      return { reply: replies.askContactAgain(), state };
    // A new question instead of a contact: the citizen moved on.
  }
  if (state.awaitingStatusEmail) {
    const { email } = readContact(text);
    if (email)
      return statusLookup(context, organisationId, state, state.awaitingStatusEmail.reference, email);
    if (isCancel(text)) return { reply: replies.handoffCancelled(), state: settled(state) };
  }
  if (state.pending) {
    const index = readChoice(
      text,
      state.pending.choices.map((choice) => choice.label),
    );
    const chosen = index === null ? undefined : state.pending.choices[index];
    if (chosen)
      return answerQuestion(context, organisationId, state, state.pending.query, {
        onlySourceId: chosen.sourceId,
      });
  }
  if (state.lastAnswer) {
    const helpful = readYesNo(text);
    if (helpful !== null) {
      return {
        reply: helpful ? replies.helpfulYes() : replies.helpfulNo(),
        state: settled(state),
        effect: {
          type: "vote",
          messageId: state.lastAnswer.messageId,
          helpful,
          question: state.lastAnswer.query,
        },
      };
    }
  }

  const intent = detectIntent(text);
  switch (intent.type) {
    case "abusive":
      return { reply: replies.abusive(), state: settled(state) };
    case "greeting":
      return { reply: replies.greeting(), state: settled(state) };
    case "thanks":
      return { reply: replies.thanks(), state: settled(state) };
    case "goodbye":
      return { reply: replies.goodbye(), state: settled(state) };
    case "handoff":
      return { reply: replies.askContact(), state: { ...settled(state), awaitingContact: true } };
    case "case_status": {
      if ((state.statusAttempts ?? 0) >= MAX_STATUS_ATTEMPTS)
        return { reply: replies.statusTooManyAttempts(), state: settled(state) };
      if (!intent.reference) return { reply: replies.askReference(), state: settled(state) };
      const { email } = readContact(text);
      if (email) return statusLookup(context, organisationId, state, intent.reference, email);
      return {
        reply: replies.askStatusEmail(intent.reference),
        state: { ...settled(state), awaitingStatusEmail: { reference: intent.reference } },
      };
    }
    case "question": {
      const contextual = state.topic !== undefined && looksLikeFollowUp(intent.text);
      return answerQuestion(context, organisationId, state, intent.text, { contextual });
    }
  }
}

export type { ReplySource };
