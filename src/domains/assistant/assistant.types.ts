/**
 * The canonical reply of the assistant, whatever the channel (widget, /assistant page, voice, phone).
 * Channels translate it: the widget renders buttons, the page renders forms, voice reads the text and
 * says "dites 1 ou tapez 1" for choices. The text never contains HTML; URLs stay in `sources`.
 */

export const CONVERSATION_CHANNELS = ["web", "widget", "voice", "phone"] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

export type ReplyKind =
  /** An answer from the knowledge base, with its sources. */
  | "answer"
  /** Several candidates were close: "Vous cherchez plutôt : …". */
  | "clarify"
  | "greeting"
  | "thanks"
  | "goodbye"
  /** Hand-off asked: the assistant needs an e-mail address or phone number to pass it on. */
  | "handoff_contact"
  /** Hand-off done: a case exists, its reference is given. */
  | "handoff"
  /** "Où en est ma demande GU-…": asks for the e-mail address used, or gives the status. */
  | "case_status"
  /** Nothing good enough in the knowledge base: says so, offers to rephrase or a person. */
  | "unanswered"
  /** Out of scope, abusive, or unusable input (empty, too long): polite refusal with the contact options. */
  | "refusal"
  /** After a vote on the previous answer. */
  | "feedback"
  /** Written by an agent who joined the conversation (from the case page). */
  | "agent";

export type ReplySource = {
  /** Fiche id ("F21089") or local item id ("faq:<uuid>"). */
  id: string;
  title: string;
  /** Absolute URL of the whole page. */
  url: string;
  /** Last modification of the page, ISO date "2026-03-01", or null when unknown. */
  date: string | null;
};

export type ReplyChoice = {
  /** What to show on the button ("Carte d'identité"). */
  label: string;
  /** What to send back as the citizen's next message when the button is pressed ("1"). */
  value: string;
};

export type AssistantReply = {
  /** Id of the stored assistant message, to vote on it. */
  messageId: string;
  kind: ReplyKind;
  /** Plain text; when there are choices it lists them numbered, so voice and text channels reuse it. */
  text: string;
  sources: ReplySource[];
  choices: ReplyChoice[];
  /** True once the conversation was handed to a person (a case exists). */
  handoff: boolean;
  /** The channel should ask "Cette réponse vous a-t-elle aidé ?" (oui / non) under this reply. */
  askHelpful: boolean;
  /** The case opened by a hand-off, or found by a status question. */
  case?: { reference: string; trackingUrl?: string; status?: string } | undefined;
};

export type ConversationEntry = {
  id: string;
  author: "citizen" | "assistant" | "agent";
  kind: ReplyKind | "question";
  text: string;
  sources: ReplySource[];
  choices: ReplyChoice[];
  askHelpful: boolean;
  helpful: boolean | null;
  /** The case a hand-off opened (on the hand-off reply). */
  case?: { reference: string } | undefined;
  at: Date;
};

export type ConversationOutcome = "none" | "answered" | "clarified" | "handed_off" | "unanswered";

/** Longest citizen message the assistant reads; longer ones get a refusal asking for a shorter question. */
export const MAX_MESSAGE_LENGTH = 1_000;
