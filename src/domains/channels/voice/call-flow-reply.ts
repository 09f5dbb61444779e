/**
 * The assistant's reply in a call (call-flow.ts): read out, its choices read as a menu, the page it
 * came from kept for the SMS offer, then "voulez-vous autre chose ?".
 */
import type { CallFacts, CallStep, PathEntry } from "./call-flow.types.ts";
import { enter, withTrail } from "./call-flow-steps.ts";
import type { CallState, Menu } from "./call-state.ts";
import { menuChoices, type SpokenReply, speakReply } from "./speak-text.ts";

export function onReply(state: CallState, reply: SpokenReply, facts: CallFacts): CallStep {
  const path: PathEntry[] = [
    { step: "reply", value: reply.kind, sources: reply.sources.map((s) => s.id).slice(0, 5) },
  ];
  // The assistant understood "parler à un agent": the call has its own way to reach one, and the
  // assistant must stop waiting for an address (it would read the next choice as one).
  if (reply.kind === "handoff_contact")
    return { type: "effect", state, effect: { type: "cancel_handoff" }, path };
  const spoken = speakReply(reply);
  const choices = menuChoices(reply);
  const { link: _previous, ...rest } = state;
  const page = reply.sources[0];
  const trailed = page ? withTrail(rest, `Réponse lue : ${page.title} (${page.id})`) : rest;
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
  // The page can be sent by SMS: its address must be a full web address (the SMS is read elsewhere).
  const linkable =
    reply.kind === "answer" && page && /^https?:\/\//.test(page.url) && page.url.length <= 1000;
  const next: CallState = {
    ...trailed,
    answers: answered,
    lastAnswer: spoken.slice(0, 4000),
    ...(linkable ? { link: { title: page.title.slice(0, 300), url: page.url } } : {}),
  };
  return { ...enter(next, "more", facts, [spoken]), path };
}
