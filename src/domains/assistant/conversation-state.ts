/**
 * What the assistant remembers between two turns, stored as JSON on the conversation and validated
 * when read back (a row written by an older version, or tampered with, falls back to an empty state).
 */
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

const Topic = Type.Object({
  /** The question that found it, reused to understand a follow-up ("et pour un mineur ?"). */
  query: Type.String({ maxLength: 1000 }),
  sourceId: Type.String({ maxLength: 100 }),
  title: Type.String({ maxLength: 500 }),
});

const Choice = Type.Object({
  label: Type.String({ maxLength: 500 }),
  sourceId: Type.String({ maxLength: 100 }),
});

export const ConversationStateSchema = Type.Object({
  v: Type.Literal(1),
  topic: Type.Optional(Topic),
  /** The question a clarification was asked about, and the pages offered. */
  pending: Type.Optional(
    Type.Object({ query: Type.String({ maxLength: 1000 }), choices: Type.Array(Choice) }),
  ),
  /** The last answer asked "Cette réponse vous a-t-elle aidé ?": its message id and question. */
  lastAnswer: Type.Optional(
    Type.Object({ messageId: Type.String(), query: Type.String({ maxLength: 1000 }) }),
  ),
  /** Waiting for an e-mail address or phone number to hand the conversation to a person. */
  awaitingContact: Type.Optional(Type.Boolean()),
  /** Waiting for the e-mail address given with request `reference` (status question). */
  awaitingStatusEmail: Type.Optional(Type.Object({ reference: Type.String({ maxLength: 40 }) })),
  /** Failed status look-ups in this conversation (guessing is stopped after a few). */
  statusAttempts: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Set once handed off: later messages go to the case. */
  handoff: Type.Optional(Type.Object({ caseId: Type.String(), reference: Type.String() })),
});

export type ConversationState = Static<typeof ConversationStateSchema>;

export const EMPTY_STATE: ConversationState = { v: 1 };

export function readConversationState(stored: unknown): ConversationState {
  return Value.Check(ConversationStateSchema, stored) ? stored : EMPTY_STATE;
}
