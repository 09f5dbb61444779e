/**
 * Where a call is in its flow, stored as JSON on the call row between two events (a webhook provider
 * calls back once per input) and validated when read back: a row from an older version, or tampered
 * with, reads as "no state" and the call ends cleanly instead of going on with nonsense.
 */
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

const MenuItemSchema = Type.Object({
  /** What is read out: "Carte d'identité". */
  label: Type.String({ maxLength: 300 }),
  /** What is sent to the assistant when the item is chosen (a page title, or a choice's value). */
  query: Type.String({ maxLength: 1000 }),
  /** A folder of the knowledge base: choosing it opens its pages as the next menu. */
  folderId: Type.Optional(Type.String({ maxLength: 100 })),
});

const MenuSchema = Type.Object({
  /** top: the topics of the call; folder: a topic's pages; choices: the assistant's own choices. */
  kind: Type.Union([Type.Literal("top"), Type.Literal("folder"), Type.Literal("choices")]),
  /** Read before the items ("Vous cherchez plutôt :"). */
  intro: Type.Optional(Type.String({ maxLength: 1000 })),
  items: Type.Array(MenuItemSchema, { maxItems: 9 }),
});

export const CALL_PHASES = [
  "greeting",
  "menu",
  "more",
  "callback_offer",
  "callback_number",
  /** Recordings on: the caller is asked, before a transfer, whether the agent's part may be recorded. */
  "record_consent",
  "survey",
  "transferring",
  "ended",
] as const;

export const CallStateSchema = Type.Object({
  v: Type.Literal(1),
  phase: Type.Union(CALL_PHASES.map((phase) => Type.Literal(phase))),
  /** Menus entered, the current one last: "#" goes back to the one before. */
  menus: Type.Array(MenuSchema, { minItems: 1, maxItems: 12 }),
  /** Inputs received (digits, speech, silences): a call that never ends is stopped past a limit. */
  inputs: Type.Integer({ minimum: 0 }),
  /** Silences and unknown choices in a row. */
  silences: Type.Integer({ minimum: 0 }),
  invalid: Type.Integer({ minimum: 0 }),
  /** Answers of the assistant read out (an answered call counts for the assistant). */
  answers: Type.Integer({ minimum: 0 }),
  /** The last answer as read, for "*" (repeat). Emptied when the call ends. */
  lastAnswer: Type.Optional(Type.String({ maxLength: 4000 })),
  /** The caller's path in words, for a call-back case ("Choix : Passeport"). Emptied when the call ends. */
  trail: Type.Array(Type.String({ maxLength: 1100 }), { maxItems: 40 }),
  /**
   * Set when an agent took the call (older states: when the transfer was ordered) or the caller left
   * a call-back request.
   */
  result: Type.Optional(Type.Union([Type.Literal("transferred"), Type.Literal("callback")])),
  /** The page of the last answer, that the caller may ask to receive by SMS. Emptied when the call ends. */
  link: Type.Optional(
    Type.Object({
      title: Type.String({ maxLength: 300 }),
      url: Type.String({ maxLength: 1000, pattern: "^https?://" }),
    }),
  ),
  /** SMS sent during the call (a few at most: each one costs the town). */
  texts: Type.Optional(Type.Integer({ minimum: 0 })),
  /** The caller's answer to the recording question; absent when it was not asked. */
  recordingConsent: Type.Optional(Type.Boolean()),
});

export type CallState = Static<typeof CallStateSchema>;
export type CallPhase = CallState["phase"];
export type Menu = Static<typeof MenuSchema>;
export type MenuItem = Static<typeof MenuItemSchema>;

/** Inputs after which a call is ended (a caller or a robot that never hangs up). */
export const MAX_CALL_INPUTS = 80;
export const MAX_TRAIL = 40;
/** SMS a call may send: a link or two, not a flood paid by the town. */
export const MAX_CALL_TEXTS = 3;

export function newCallState(topMenu: Menu): CallState {
  return {
    v: 1,
    phase: "greeting",
    menus: [topMenu],
    inputs: 0,
    silences: 0,
    invalid: 0,
    answers: 0,
    trail: [],
  };
}

/** The stored state, or null when it is missing or malformed. */
export function readCallState(stored: unknown): CallState | null {
  return Value.Check(CallStateSchema, stored) ? stored : null;
}
