/**
 * The building blocks of the call flow's steps (call-flow.ts): ask a question and wait, enter a phase,
 * end the call, and the question each phase asks. No decision is taken here.
 */
import type { CallOutcome } from "../../../shared/database.ts";
import type { CallFacts, CallNext, CallStep, PathEntry } from "./call-flow.types.ts";
import { prompts } from "./call-prompts.ts";
import { type CallState, MAX_CALL_TEXTS, MAX_TRAIL, type Menu } from "./call-state.ts";
import { isFrenchMobile } from "./phone-numbers.ts";

/** The key that sends the last answer's page by SMS, when it can be offered now; else null. */
export const SMS_KEY = "2";

/**
 * How a call that ends now is counted: "transferred" only once an agent answered (a transfer nobody
 * took leaves the call to the assistant or the call-back), "callback" when a request was left.
 */
export function finalOutcome(state: CallState): CallOutcome {
  if (state.result) return state.result;
  return state.answers > 0 ? "assistant" : "abandoned";
}

export function currentMenu(state: CallState): Menu {
  return state.menus[state.menus.length - 1] as Menu;
}

export function withTrail(state: CallState, line: string): CallState {
  return { ...state, trail: [...state.trail, line.slice(0, 1100)].slice(-MAX_TRAIL) };
}

/** SMS are offered after an answer from a page, to a French mobile, when a gateway is configured. */
export function smsKey(state: CallState, facts: CallFacts): string | null {
  const offered =
    facts.sms &&
    state.phase === "more" &&
    state.link !== undefined &&
    (state.texts ?? 0) < MAX_CALL_TEXTS &&
    isFrenchMobile(facts.callerNumber);
  return offered ? SMS_KEY : null;
}

/** The key that ends the call at "voulez-vous autre chose ?" (it moves when the SMS is offered). */
export function endKey(state: CallState, facts: CallFacts): string {
  return smsKey(state, facts) ? "3" : "2";
}

function gather(state: CallState, facts: CallFacts): CallNext {
  if (state.phase === "callback_number")
    return { type: "gather", maxDigits: 15, finishOnKey: true, speech: facts.speech };
  return { type: "gather", maxDigits: 1, finishOnKey: false, speech: facts.speech };
}

/** The question of the current phase, as read when it is entered or repeated. */
export function phasePrompt(state: CallState, facts: CallFacts): string[] {
  switch (state.phase) {
    case "menu":
    case "greeting":
      return prompts.menu(currentMenu(state), facts);
    case "more":
      return [prompts.more(facts, smsKey(state, facts))];
    case "callback_offer":
      return [prompts.callbackOffer(facts.callerNumber)];
    case "callback_number":
      return [prompts.askNumber()];
    case "record_consent":
      return [prompts.recordingConsent()];
    case "survey":
      return [prompts.survey(facts)];
    case "transferring":
    case "ended":
      return [];
  }
}

export function ask(state: CallState, say: string[], facts: CallFacts, path: PathEntry[] = []): CallStep {
  return { type: "respond", state, say, next: gather(state, facts), path };
}

export function end(state: CallState, say: string[], path: PathEntry[] = []): CallStep {
  const outcome = finalOutcome(state);
  return {
    type: "respond",
    state: { ...state, phase: "ended" },
    say,
    next: { type: "hangup" },
    path: [...path, { step: "end", value: outcome }],
    outcome,
  };
}

/** Enters a phase (progress: the count of wrong keys starts again) and asks its question. */
export function enter(
  state: CallState,
  phase: CallState["phase"],
  facts: CallFacts,
  before: string[] = [],
): CallStep {
  const next = { ...state, phase, invalid: 0 };
  return ask(next, [...before, ...phasePrompt(next, facts)], facts);
}
