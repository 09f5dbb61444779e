/** The words of the call flow (call-flow.ts): facts it reads, events it takes, steps it returns. */
import type { CallOutcome } from "../../../shared/database.ts";
import type { PromptFacts } from "./call-prompts.ts";
import type { CallState, MenuItem } from "./call-state.ts";
import type { SmsFailure } from "./sms-sender.port.ts";
import type { SpokenReply } from "./speak-text.ts";

export type CallFacts = PromptFacts & {
  /** Within the organisation's opening hours now (business calendar). */
  openNow: boolean;
  /** Where to pass the caller to a person (a number or SIP URI), or null when none is configured. */
  transferTarget: string | null;
  /** The caller's number as the network gave it, or null when withheld. */
  callerNumber: string | null;
  /** An SMS gateway is configured (links are offered by SMS to French mobiles only). */
  sms: boolean;
  /** VOICE_RECORDINGS=on: the agent's part of a call may be recorded, with the caller's consent. */
  recordings: boolean;
};

export type CallEvent =
  | { type: "start" }
  | { type: "digits"; digits: string }
  | { type: "speech"; text: string }
  | { type: "silence" }
  /** The transfer ended without a person answering (busy, no answer). */
  | { type: "transfer_failed" }
  // results of effects
  | { type: "reply"; reply: SpokenReply }
  | { type: "folder"; items: MenuItem[] }
  | { type: "callback_opened"; reference: string }
  | { type: "callback_failed" }
  | { type: "survey_saved" }
  | { type: "handoff_cancelled" }
  | { type: "sms_sent" }
  | { type: "sms_failed"; failure: SmsFailure };

export type CallEffect =
  | { type: "ask"; text: string }
  /** Opens a folder's pages as a menu; a folder without pages is asked about instead (`query`). */
  | { type: "open_folder"; folderId: string; query: string }
  | { type: "open_callback"; phone: string }
  | { type: "save_survey"; score: number }
  /** The assistant asked for an e-mail address to hand over (a chat's way): it is told "annuler". */
  | { type: "cancel_handoff" }
  /** The page's title and address, nothing else, to the caller's own mobile. */
  | { type: "send_sms"; to: string; text: string };

export type CallNext =
  | { type: "gather"; maxDigits: number; finishOnKey: boolean; speech: boolean }
  /** `record`: the caller agreed that the conversation with the agent be recorded. */
  | { type: "transfer"; target: string; record?: true }
  | { type: "hangup" };

/** What the call did, for the call row's path: steps and ids, never what the caller said. */
export type PathEntry = { step: string; value?: string | number; sources?: string[] };

export type CallStep =
  | { type: "effect"; state: CallState; effect: CallEffect; path: PathEntry[] }
  | {
      type: "respond";
      state: CallState;
      say: string[];
      next: CallNext;
      path: PathEntry[];
      /** Set when the call is settled: it hangs up (a transfer is settled by its result, later). */
      outcome?: CallOutcome;
    };
