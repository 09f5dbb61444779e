/**
 * The public chat API as the widget reads it (see routes/assistant-api.routes.ts). Declared here, not
 * imported from the domain, so the browser bundle never pulls server code in.
 */

export type ChatSource = { id: string; title: string; url: string; date: string | null };
export type ChatChoice = { label: string; value: string };

export type ChatReply = {
  messageId: string;
  kind: string;
  text: string;
  sources: ChatSource[];
  choices: ChatChoice[];
  handoff: boolean;
  askHelpful: boolean;
  case?: { reference: string; trackingUrl?: string; status?: string };
};

export type ChatEntry = {
  id: string;
  author: "citizen" | "assistant" | "agent";
  kind: string;
  text: string;
  sources: ChatSource[];
  choices: ChatChoice[];
  askHelpful: boolean;
  helpful: boolean | null;
  /** The case a hand-off opened (on the hand-off reply). */
  case?: { reference: string };
  at: string;
};

/** POST /api/v1/conversations/:id/audio: the words heard, the reply, the address of the reply spoken. */
export type VoiceTurn = { transcript: string; reply: ChatReply; audio: string };

/** An `agent` Server-Sent Event: an agent's public reply on the case opened by the hand-off. */
export type AgentEvent = { id: string; text: string; at: string };
