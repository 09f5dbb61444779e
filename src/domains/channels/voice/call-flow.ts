/**
 * The flow of one call, as a pure state machine: greeting (it says it is a robot) → a menu or a
 * spoken question → the assistant's answer → "voulez-vous autre chose ?" → a person during opening
 * hours, or a call-back request that becomes a case → one satisfaction question → goodbye.
 *
 * `stepCall` never waits on anything: when it needs the assistant, the knowledge or the desk it returns
 * an effect; the caller (handle-call.ts) performs it and feeds the result back as the next event.
 * Keys everywhere: 0 = an agent, * = repeat, # = back.
 */
import type { CallOutcome } from "../../../shared/database.ts";
import type { CallEvent, CallFacts, CallNext, CallStep, PathEntry } from "./call-flow.types.ts";
import { prompts } from "./call-prompts.ts";
import { type CallState, MAX_CALL_INPUTS, MAX_TRAIL, type Menu, type MenuItem } from "./call-state.ts";
import { menuChoices, type SpokenReply, speakReply, spokenKey, spokenYesNo } from "./speak-text.ts";

export type { CallEffect, CallEvent, CallFacts, CallNext, CallStep, PathEntry } from "./call-flow.types.ts";

const MAX_SILENCES = 2;
const MAX_INVALID = 3;
const FRENCH_NUMBER = /^0[1-9]\d{8}$/;
const INTERNATIONAL_NUMBER = /^00[1-9]\d{6,13}$/;

/** How a call that ends now is counted. */
export function finalOutcome(state: CallState): CallOutcome {
  if (state.result) return state.result;
  return state.answers > 0 ? "assistant" : "abandoned";
}

function currentMenu(state: CallState): Menu {
  return state.menus[state.menus.length - 1] as Menu;
}

function withTrail(state: CallState, line: string): CallState {
  return { ...state, trail: [...state.trail, line.slice(0, 1100)].slice(-MAX_TRAIL) };
}

function gather(state: CallState, facts: CallFacts): CallNext {
  if (state.phase === "callback_number")
    return { type: "gather", maxDigits: 15, finishOnKey: true, speech: facts.speech };
  return { type: "gather", maxDigits: 1, finishOnKey: false, speech: facts.speech };
}

/** The question of the current phase, as read when it is entered or repeated. */
function phasePrompt(state: CallState, facts: CallFacts): string[] {
  switch (state.phase) {
    case "menu":
    case "greeting":
      return prompts.menu(currentMenu(state), facts);
    case "more":
      return [prompts.more(facts)];
    case "callback_offer":
      return [prompts.callbackOffer(facts.callerNumber)];
    case "callback_number":
      return [prompts.askNumber()];
    case "survey":
      return [prompts.survey(facts)];
    case "transferring":
    case "ended":
      return [];
  }
}

function ask(state: CallState, say: string[], facts: CallFacts, path: PathEntry[] = []): CallStep {
  return { type: "respond", state, say, next: gather(state, facts), path };
}

function end(state: CallState, say: string[], path: PathEntry[] = []): CallStep {
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
function enter(
  state: CallState,
  phase: CallState["phase"],
  facts: CallFacts,
  before: string[] = [],
): CallStep {
  const next = { ...state, phase, invalid: 0 };
  return ask(next, [...before, ...phasePrompt(next, facts)], facts);
}

function toTop(state: CallState, facts: CallFacts): CallStep {
  return enter({ ...state, menus: state.menus.slice(0, 1) }, "menu", facts);
}

function invalid(state: CallState, facts: CallFacts, path: PathEntry[]): CallStep {
  const next = { ...state, invalid: state.invalid + 1 };
  // Three wrong keys in a row: the caller is lost, a person helps better than a fourth menu.
  if (next.invalid >= MAX_INVALID) return agent({ ...next, invalid: 0 }, facts, [prompts.invalid()], path);
  return ask(next, [prompts.invalid(), ...phasePrompt(next, facts)], facts, path);
}

/** The caller asked for a person: transferred during opening hours, else a call-back is offered. */
function agent(state: CallState, facts: CallFacts, before: string[] = [], path: PathEntry[] = []): CallStep {
  const steps: PathEntry[] = [...path, { step: "agent" }];
  if (facts.openNow && facts.transferTarget) {
    const next: CallState = {
      ...withTrail(state, "Transfert vers un agent"),
      phase: "transferring",
      result: "transferred",
    };
    return {
      type: "respond",
      state: next,
      say: [...before, prompts.transfer()],
      next: { type: "transfer", target: facts.transferTarget },
      path: [...steps, { step: "transfer" }],
      outcome: "transferred",
    };
  }
  const why = facts.openNow ? prompts.noAgent() : prompts.closed();
  const phase = facts.callerNumber ? "callback_offer" : "callback_number";
  const next = { ...state, phase } as CallState;
  const offer = facts.callerNumber ? [] : [prompts.callbackOffer(null)];
  return ask(next, [...before, why, ...offer, ...phasePrompt(next, facts)], facts, steps);
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
  if (key === "2") return { ...enter(state, "survey", facts), path };
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
  if (state.phase === "more" && yesNo !== null) return onKey(state, yesNo ? "1" : "2", facts, path);
  if (state.phase === "survey") return onKey(state, key ?? "x", facts, path);
  const question = text.slice(0, 1000);
  return {
    type: "effect",
    state: withTrail(state, `Question : « ${question} »`),
    effect: { type: "ask", text: question },
    path,
  };
}

function onReply(state: CallState, reply: SpokenReply, facts: CallFacts): CallStep {
  const path: PathEntry[] = [
    { step: "reply", value: reply.kind, sources: reply.sources.map((s) => s.id).slice(0, 5) },
  ];
  // The assistant understood "parler à un agent": the call has its own way to reach one, and the
  // assistant must stop waiting for an address (it would read the next choice as one).
  if (reply.kind === "handoff_contact")
    return { type: "effect", state, effect: { type: "cancel_handoff" }, path };
  const spoken = speakReply(reply);
  const choices = menuChoices(reply);
  const trailed = reply.sources[0]
    ? withTrail(state, `Réponse lue : ${reply.sources[0].title} (${reply.sources[0].id})`)
    : state;
  if (choices.length > 0) {
    const menu: Menu = {
      kind: "choices",
      intro: spoken,
      items: choices.map((choice) => ({
        label: choice.label.slice(0, 300),
        query: choice.value.slice(0, 1000),
      })),
    };
    return { ...enter({ ...trailed, menus: [...state.menus, menu].slice(-12) }, "menu", facts), path };
  }
  if (reply.kind === "goodbye") return { ...enter(trailed, "survey", facts, [spoken]), path };
  const answered = reply.kind === "answer" ? trailed.answers + 1 : trailed.answers;
  const next: CallState = { ...trailed, answers: answered, lastAnswer: spoken.slice(0, 4000) };
  return { ...enter(next, "more", facts, [spoken]), path };
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
    case "start":
      return {
        ...enter({ ...state, phase: "menu" }, "menu", facts, [prompts.greeting(facts)]),
        path: [{ step: "start" }],
      };
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
        if (counted.phase === "survey") return end(counted, [prompts.goodbye()], [{ step: "silence" }]);
        if (counted.silences >= MAX_SILENCES)
          return end(counted, [prompts.silentGoodbye()], [{ step: "silence" }]);
        return ask(counted, [prompts.notHeard(), ...phasePrompt(counted, facts)], facts, [
          { step: "silence" },
        ]);
      }
      if (event.type === "speech") return onSpeech(counted, event.text, facts);
      return onKey(counted, event.digits, facts, [{ step: "digits", value: event.digits.slice(0, 20) }]);
    }
  }
}
