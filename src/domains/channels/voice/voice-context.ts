import type { AssistantContext } from "../../assistant/index.ts";
import type { SmsSender } from "./sms-sender.port.ts";

/** What the voice channel's use cases need, built once by main.ts (or a test). */
export type VoiceContext = {
  /** The same assistant as the chat: its database, clock, knowledge and decisions. */
  assistant: AssistantContext;
  /** Said in the greeting: "l'assistant automatique de Ville de Démo". */
  organisationName: string;
  /** A number or SIP URI where a caller is passed to a person during opening hours; null: call-back only. */
  transferTarget: string | null;
  /** Sends a page's link to a caller's mobile on request; absent or null: never offered. */
  sms?: SmsSender | null | undefined;
  /** VOICE_RECORDINGS=on: the agent's part of a call is recorded when the caller agrees (off when absent). */
  recordings?: boolean | undefined;
};

/** How a provider's call is named on its webhooks or stream. */
export type CallKey = {
  organisationId: string;
  provider: "twilio" | "audiosocket" | "browser";
  providerCallId: string;
};
