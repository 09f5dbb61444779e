/**
 * The flow of one call, as a pure state machine: greeting (it says it is a robot) → a menu or a
 * spoken question → the assistant's answer (its page's link by SMS on request) → "voulez-vous autre
 * chose ?" → a person during opening hours (asked first whether the conversation may be recorded, when
 * recordings are on), or a call-back request that becomes a case → one satisfaction question → goodbye.
 *
 * `stepCall` never waits on anything: when it needs the assistant, the knowledge, the desk or the SMS
 * gateway it returns an effect; the caller (run-call-step.ts) performs it and feeds the result back as
 * the next event. Keys everywhere: 0 = an agent, * = repeat, # = back.
 */
import type { CallEvent, CallFacts, CallStep, PathEntry } from "./call-flow.types.ts";
import { onReply } from "./call-flow-reply.ts";
import {
  ask,
  currentMenu,
  end,
  endKey,
  enter,
  phasePrompt,
  SMS_KEY,
  smsKey,
  withTrail,
} from "./call-flow-steps.ts";
import { prompts } from "./call-prompts.ts";
import { type CallState, MAX_CALL_INPUTS, type Menu, type MenuItem } from "./call-state.ts";
import { internationalFrenchNumber } from "./phone-numbers.ts";
import { spokenKey, spokenYesNo } from "./speak-text.ts";

export type { CallEffect, CallEvent, CallFacts, CallNext, CallStep, PathEntry } from "./call-flow.types.ts";
export { finalOutcome } from "./call-flow-steps.ts";

const MAX_INVALID = 3;
const MAX_SILENCES = 2;
const FRENCH_NUMBER = /^0[1-9]\d{8}$/;
const INTERNATIONAL_NUMBER = /^00[1-9]\d{6,13}$/;
/** Words that ask for the link by SMS at "voulez-vous autre chose ?". */
const SMS_WORDS = /\b(sms|texto|lien|message)\b/i;
/** The SMS holds the page's title and address, nothing else; a long title is cut. */
const SMS_TITLE_LENGTH = 120;

function toTop(state: CallState, facts: CallFacts): CallStep {
  return enter({ ...state, menus: state.menus.slice(0, 1) }, "menu", facts);
}

function invalid(state: CallState, facts: CallFacts, path: PathEntry[]): CallStep {
  const next = { ...state, invalid: state.invalid + 1 };
  // Three wrong keys in a row: the caller is lost, a person helps better than a fourth menu.
  if (next.invalid >= MAX_INVALID) return agent({ ...next, invalid: 0 }, facts, [prompts.invalid()], path);
  return ask(next, [prompts.invalid(), ...phasePrompt(next, facts)], facts, path);
}

/**
 * Passes the caller to a person. Not settled yet: the call counts as "transferred" only once the
 * provider reports that an agent answered (record-transfer-result.ts).
 */
function transfer(state: CallState, target: string, facts: CallFacts, before: string[], path: PathEntry[]) {
  const record = facts.recordings && state.recordingConsent === true;
  return {
    type: "respond",
    state: { ...withTrail(state, "Transfert vers un agent"), phase: "transferring" },
    say: [...before, prompts.transfer()],
    next: { type: "transfer", target, ...(record ? { record: true } : {}) },
    path: [...path, { step: "transfer" }],
  } satisfies CallStep;
}

/** The caller asked for a person: transferred during opening hours, else a call-back is offered. */
function agent(state: CallState, facts: CallFacts, before: string[] = [], path: PathEntry[] = []): CallStep {
  const steps: PathEntry[] = [...path, { step: "agent" }];
  if (facts.openNow && facts.transferTarget) {
    // Recordings on: the caller decides first (asked once per call), since only an agent's part is recorded.
    if (facts.recordings && state.recordingConsent === undefined)
      return { ...enter(state, "record_consent", facts, before), path: steps };
    return transfer(state, facts.transferTarget, facts, before, steps);
  }
  const why = facts.openNow ? prompts.noAgent() : prompts.closed();
  const phase = facts.callerNumber ? "callback_offer" : "callback_number";
  const next = { ...state, phase } as CallState;
  const offer = facts.callerNumber ? [] : [prompts.callbackOffer(null)];
  return ask(next, [...before, why, ...offer, ...phasePrompt(next, facts)], facts, steps);
}

/** The caller's answer to the recording question (silence and wrong keys are a refusal). */
function consent(state: CallState, given: boolean, facts: CallFacts, path: PathEntry[]): CallStep {
  const next: CallState = { ...state, recordingConsent: given, invalid: 0 };
  const said = [given ? prompts.recordingAccepted() : prompts.recordingRefused()];
  const steps: PathEntry[] = [...path, { step: "recording_consent", value: given ? "yes" : "no" }];
  if (facts.openNow && facts.transferTarget) return transfer(next, facts.transferTarget, facts, said, steps);
  return agent(next, facts, said, steps);
}

function onConsentKey(state: CallState, key: string, facts: CallFacts, path: PathEntry[]): CallStep {
  if (key === "1") return consent(state, true, facts, path);
  if (key === "2") return consent(state, false, facts, path);
  if (key === "#") return { ...toTop(state, facts), path };
  const next = { ...state, invalid: state.invalid + 1 };
  if (next.invalid >= MAX_INVALID) return consent(next, false, facts, path);
  return ask(next, [prompts.invalid(), ...phasePrompt(next, facts)], facts, path);
}

/** The page of the last answer to the caller's mobile: its title and its address, nothing else. */
function sendLink(state: CallState, facts: CallFacts, path: PathEntry[]): CallStep {
  const to = facts.callerNumber ? internationalFrenchNumber(facts.callerNumber) : null;
  if (!state.link || !to) return invalid(state, facts, path);
  const title = state.link.title.trim().slice(0, SMS_TITLE_LENGTH);
  return {
    type: "effect",
    state: { ...state, texts: (state.texts ?? 0) + 1 },
    effect: { type: "send_sms", to, text: `${title}\n${state.link.url}` },
    path,
  };
}

function chooseItem(state: CallState, item: MenuItem, key: string): CallStep {
  const path: PathEntry[] = [{ step: "choice", value: item.folderId ?? item.label.slice(0, 200) }];
  const next = withTrail(state, `Choix ${key} : ${item.label}`);
  if (item.folderId)
    return {
      type: "effect",
      state: next,
      effect: { type: "open_folder", folderId: item.folderId, query: item.query },
      path,
    };
  return { type: "effect", state: next, effect: { type: "ask", text: item.query }, path };
}

function onMenuKey(state: CallState, key: string, facts: CallFacts, path: PathEntry[]): CallStep {
  const menu = currentMenu(state);
  if (key === "#") {
    if (state.menus.length > 1) return enter({ ...state, menus: state.menus.slice(0, -1) }, "menu", facts);
    return enter(state, "menu", facts);
  }
  const index = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  const item = menu.items[index];
  if (!item) return invalid(state, facts, path);
  const step = chooseItem(state, item, key);
  return { ...step, path: [...path, ...step.path] };
}

function onMoreKey(state: CallState, key: string, facts: CallFacts, path: PathEntry[]): CallStep {
  if (key === "1") return { ...toTop(state, facts), path };
  if (key === smsKey(state, facts)) return sendLink(state, facts, path);
  if (key === endKey(state, facts)) return { ...enter(state, "survey", facts), path };
  if (key === "#") return { ...enter(state, "menu", facts), path };
  return invalid(state, facts, path);
}

function onCallbackKey(state: CallState, digits: string, facts: CallFacts, path: PathEntry[]): CallStep {
  if (state.phase === "callback_offer") {
    if (digits === "1" && facts.callerNumber)
      return { type: "effect", state, effect: { type: "open_callback", phone: facts.callerNumber }, path };
    if (digits === "2") return { ...enter(state, "callback_number", facts), path };
    if (digits === "#") return { ...toTop(state, facts), path };
    return invalid(state, facts, path);
  }
  const number = digits.replace(/#$/, "");
  if (number === "*" || number === "") return { ...toTop(state, facts), path };
  if (FRENCH_NUMBER.test(number) || INTERNATIONAL_NUMBER.test(number))
    return { type: "effect", state, effect: { type: "open_callback", phone: number }, path };
  const next = { ...state, invalid: state.invalid + 1 };
  if (next.invalid >= MAX_INVALID) return end(next, [prompts.badNumber(), prompts.callbackFailed()], path);
  return ask(next, [prompts.badNumber(), ...phasePrompt(next, facts)], facts, path);
}

function onSurveyKey(state: CallState, key: string, path: PathEntry[]): CallStep {
  if (/^[1-5]$/.test(key))
    return {
      type: "effect",
      state,
      effect: { type: "save_survey", score: Number(key) },
      path: [...path, { step: "survey", value: Number(key) }],
    };
  return end(state, [prompts.goodbye()], path);
}

/** A key typed or said: what it means depends on the phase. */
function onKey(state: CallState, key: string, facts: CallFacts, path: PathEntry[]): CallStep {
  if (state.phase === "callback_number") return onCallbackKey(state, key, facts, path);
  if (state.phase === "survey") return onSurveyKey(state, key, path);
  if (key === "0") return agent(state, facts, [], path);
  if (key === "*") {
    const again = state.phase === "more" && state.lastAnswer ? [state.lastAnswer] : [];
    return ask(state, [...again, ...phasePrompt(state, facts)], facts, path);
  }
  if (state.phase === "callback_offer") return onCallbackKey(state, key, facts, path);
  if (state.phase === "record_consent") return onConsentKey(state, key, facts, path);
  if (state.phase === "more") return onMoreKey(state, key, facts, path);
  return onMenuKey(state, key, facts, path);
}

function onSpeech(state: CallState, text: string, facts: CallFacts): CallStep {
  const path: PathEntry[] = [{ step: "speech" }];
  const key = spokenKey(text);
  if (state.phase === "callback_number") {
    const digits = text.replace(/\D/g, "");
    return onCallbackKey(state, digits || (key ?? "x"), facts, path);
  }
  if (key !== null) return onKey(state, key, facts, path);
  const yesNo = spokenYesNo(text);
  if (state.phase === "callback_offer" && yesNo !== null)
    return onKey(state, yesNo ? (facts.callerNumber ? "1" : "2") : "#", facts, path);
  if (state.phase === "record_consent" && yesNo !== null) return onKey(state, yesNo ? "1" : "2", facts, path);
  if (state.phase === "more" && smsKey(state, facts) && SMS_WORDS.test(text))
    return onKey(state, SMS_KEY, facts, path);
  if (state.phase === "more" && yesNo !== null)
    return onKey(state, yesNo ? "1" : endKey(state, facts), facts, path);
  if (state.phase === "survey") return onKey(state, key ?? "x", facts, path);
  const question = text.slice(0, 1000);
  return {
    type: "effect",
    state: withTrail(state, `Question : « ${question} »`),
    effect: { type: "ask", text: question },
    path,
  };
}

/** Records an input and applies the limits every input is subject to. */
function countInput(state: CallState, event: CallEvent): CallState | "too_many" {
  const inputs = state.inputs + 1;
  if (inputs > MAX_CALL_INPUTS) return "too_many";
  const silent = event.type === "silence";
  return { ...state, inputs, silences: silent ? state.silences + 1 : 0 };
}

export function stepCall(state: CallState, event: CallEvent, facts: CallFacts): CallStep {
  if (state.phase === "ended") return end(state, []);
  switch (event.type) {
    case "start": {
      const notice = facts.recordings && facts.transferTarget ? [prompts.recordingNotice()] : [];
      return {
        ...enter({ ...state, phase: "menu" }, "menu", facts, [prompts.greeting(facts), ...notice]),
        path: [{ step: "start" }],
      };
    }
    case "reply":
      return onReply(state, event.reply, facts);
    case "folder": {
      if (event.items.length === 0) return enter(state, "menu", facts);
      const menu: Menu = { kind: "folder", items: event.items.slice(0, 9) };
      return enter({ ...state, menus: [...state.menus, menu].slice(-12) }, "menu", facts);
    }
    case "callback_opened": {
      const next: CallState = { ...withTrail(state, "Rappel demandé"), result: "callback" };
      return {
        ...enter(next, "survey", facts, [prompts.callbackOpened(event.reference)]),
        path: [{ step: "callback", value: event.reference }],
      };
    }
    case "callback_failed":
      return end(state, [prompts.callbackFailed()], [{ step: "callback_failed" }]);
    case "survey_saved":
      return end(state, [prompts.surveyThanks(), prompts.goodbye()]);
    case "handoff_cancelled":
      return agent(state, facts);
    case "sms_sent":
    case "sms_failed": {
      // Sent or not, the link is not offered again: a caller does not pay for a second try.
      const { link: _sent, ...rest } = state;
      const said = event.type === "sms_sent" ? prompts.smsSent() : prompts.smsFailed();
      return {
        ...enter(rest, "more", facts, [said]),
        path: [{ step: "sms", value: event.type === "sms_sent" ? "sent" : event.failure }],
      };
    }
    case "transfer_failed": {
      const { result: _transferred, ...rest } = state;
      return agent(
        { ...rest, phase: "menu" },
        { ...facts, transferTarget: null },
        [prompts.transferFailed()],
        [{ step: "transfer_failed" }],
      );
    }
    case "digits":
    case "speech":
    case "silence": {
      const counted = countInput(state, event);
      if (counted === "too_many") return end(state, [prompts.tooLong()], [{ step: "too_many_inputs" }]);
      if (event.type === "silence") {
        if (counted.phase === "record_consent") return consent(counted, false, facts, [{ step: "silence" }]);
        if (counted.phase === "survey") return end(counted, [prompts.goodbye()], [{ step: "silence" }]);
        if (counted.silences >= MAX_SILENCES)
          return end(counted, [prompts.silentGoodbye()], [{ step: "silence" }]);
        return ask(counted, [prompts.notHeard(), ...phasePrompt(counted, facts)], facts, [
          { step: "silence" },
        ]);
      }
      if (event.type === "speech") return onSpeech(counted, event.text, facts);
      // A phone number typed for the call-back stays out of the path (it goes to the case only).
      const typed: PathEntry =
        counted.phase === "callback_number"
          ? { step: "number_typed" }
          : { step: "digits", value: event.digits.slice(0, 20) };
      return onKey(counted, event.digits, facts, [typed]);
    }
  }
}
