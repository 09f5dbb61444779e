import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CallEvent, type CallFacts, type CallStep, finalOutcome, stepCall } from "./call-flow.ts";
import { type CallState, MAX_CALL_INPUTS, type Menu, newCallState } from "./call-state.ts";
import type { SpokenReply } from "./speak-text.ts";

const TOP: Menu = {
  kind: "top",
  items: [
    { label: "Carte d'identité", query: "Carte d'identité", folderId: "N358" },
    { label: "Inscription à la cantine", query: "Inscription à la cantine" },
  ],
};

const OPEN: CallFacts = {
  organisationName: "Ville de Démo",
  speech: false,
  openNow: true,
  transferTarget: "+33100000000",
  callerNumber: "+33612345678",
};
const CLOSED: CallFacts = { ...OPEN, openNow: false };

const ANSWER: SpokenReply = {
  kind: "answer",
  text: "D'après « Carte d'identité d'un majeur : première demande » : La demande se fait en mairie.",
  sources: [
    {
      id: "F1341",
      title: "Carte d'identité d'un majeur : première demande",
      url: "https://x/F1341",
      date: null,
    },
  ],
  choices: [],
};

function respond(step: CallStep) {
  assert.equal(step.type, "respond", `attendu une réponse, reçu ${JSON.stringify(step)}`);
  return step as Extract<CallStep, { type: "respond" }>;
}

function effect(step: CallStep) {
  assert.equal(step.type, "effect", `attendu un effet, reçu ${JSON.stringify(step)}`);
  return step as Extract<CallStep, { type: "effect" }>;
}

/** Runs events in order, returning the last step and its state. */
function run(events: CallEvent[], facts = OPEN, state: CallState = newCallState(TOP)): CallStep {
  let current = state;
  let last: CallStep | undefined;
  for (const event of events) {
    last = stepCall(current, event, facts);
    current = last.state;
  }
  return last as CallStep;
}

describe("call flow", () => {
  it("greets as a robot and reads the menu with keys (and words when speech is on)", () => {
    const keypad = respond(run([{ type: "start" }]));
    const said = keypad.say.join(" ");
    assert.match(said, /assistant automatique de Ville de Démo/);
    assert.match(said, /robot/);
    assert.match(said, /Pour Carte d'identité, tapez 1\./);
    assert.match(said, /Pour Inscription à la cantine, tapez 2\./);
    assert.match(said, /Pour parler à un agent, tapez 0\./);
    assert.doesNotMatch(said, /dites/);
    assert.deepEqual(keypad.next, { type: "gather", maxDigits: 1, finishOnKey: false, speech: false });
    const voice = respond(run([{ type: "start" }], { ...OPEN, speech: true }));
    assert.match(voice.say.join(" "), /Pour Carte d'identité, dites 1 ou tapez 1\./);
    assert.match(voice.say.join(" "), /Dites en quelques mots ce que vous cherchez/);
  });

  it("opens a folder, asks the assistant the chosen page, reads the answer and asks 'autre chose'", () => {
    const folder = effect(run([{ type: "start" }, { type: "digits", digits: "1" }]));
    assert.deepEqual(folder.effect, { type: "open_folder", folderId: "N358", query: "Carte d'identité" });
    const menu = respond(
      stepCall(
        folder.state,
        {
          type: "folder",
          items: [
            {
              label: "Pour un majeur : première demande",
              query: "Carte d'identité d'un majeur : première demande",
            },
          ],
        },
        OPEN,
      ),
    );
    assert.match(menu.say.join(" "), /Pour un majeur : première demande, tapez 1\./);
    assert.match(menu.say.join(" "), /revenir en arrière, tapez dièse/);
    const asked = effect(stepCall(menu.state, { type: "digits", digits: "1" }, OPEN));
    assert.deepEqual(asked.effect, { type: "ask", text: "Carte d'identité d'un majeur : première demande" });
    const answered = respond(stepCall(asked.state, { type: "reply", reply: ANSWER }, OPEN));
    assert.match(answered.say[0] ?? "", /La demande se fait en mairie\. Le détail est sur le site internet/);
    assert.match(answered.say.join(" "), /Voulez-vous autre chose \?/);
    assert.equal(answered.state.phase, "more");
    assert.equal(answered.state.answers, 1);
    assert.deepEqual(answered.path[0], { step: "reply", value: "answer", sources: ["F1341"] });
    // "#" goes back to the folder's menu, "*" reads the answer again.
    const again = respond(stepCall(answered.state, { type: "digits", digits: "*" }, OPEN));
    assert.match(again.say[0] ?? "", /La demande se fait en mairie/);
    const back = respond(stepCall(answered.state, { type: "digits", digits: "#" }, OPEN));
    assert.match(back.say.join(" "), /Pour un majeur : première demande, tapez 1/);
    const top = respond(stepCall(back.state, { type: "digits", digits: "#" }, OPEN));
    assert.match(top.say.join(" "), /Pour Carte d'identité, tapez 1/);
  });

  it("reads the assistant's own choices as a menu, without its hand-off button, and sends the key back", () => {
    const clarify: SpokenReply = {
      kind: "clarify",
      text: "Vous cherchez plutôt :\n1. Carte d'identité\n2. Carte grise\n3. Parler à un agent",
      sources: [],
      choices: [
        { label: "Carte d'identité", value: "1" },
        { label: "Carte grise", value: "2" },
        { label: "Parler à un agent", value: "Parler à un agent" },
      ],
    };
    const asked = effect(
      run([{ type: "start" }, { type: "speech", text: "une carte" }], { ...OPEN, speech: true }),
    );
    assert.deepEqual(asked.effect, { type: "ask", text: "une carte" });
    const menu = respond(stepCall(asked.state, { type: "reply", reply: clarify }, { ...OPEN, speech: true }));
    const said = menu.say.join(" ");
    assert.match(said, /^Vous cherchez plutôt :/);
    assert.match(said, /Pour Carte grise, dites 2 ou tapez 2\./);
    assert.doesNotMatch(said, /Parler à un agent, dites 3/);
    assert.doesNotMatch(said, /\n|\b1\. Carte/);
    const chosen = effect(stepCall(menu.state, { type: "speech", text: "deux" }, OPEN));
    assert.deepEqual(chosen.effect, { type: "ask", text: "2" });
    assert.ok(chosen.state.trail.includes("Choix 2 : Carte grise"), chosen.state.trail.join(" | "));
  });

  it("passes the caller to a person during opening hours", () => {
    const step = respond(run([{ type: "start" }, { type: "digits", digits: "0" }]));
    assert.deepEqual(step.next, { type: "transfer", target: "+33100000000" });
    assert.equal(step.outcome, "transferred");
    assert.match(step.say.join(" "), /Je vous passe un agent/);
    assert.equal(finalOutcome(step.state), "transferred");
  });

  it("outside opening hours takes a call-back request on the caller's number, then asks the one survey question", () => {
    const offer = respond(run([{ type: "start" }, { type: "digits", digits: "0" }], CLOSED));
    assert.match(offer.say.join(" "), /La mairie est fermée/);
    assert.match(offer.say.join(" "), /se termine par 7 8, tapez 1/);
    const open = effect(stepCall(offer.state, { type: "digits", digits: "1" }, CLOSED));
    assert.deepEqual(open.effect, { type: "open_callback", phone: "+33612345678" });
    const opened = respond(
      stepCall(open.state, { type: "callback_opened", reference: "GU-2026-000042" }, CLOSED),
    );
    assert.match(opened.say.join(" "), /référence G U, 2026, 0 0 0 0 4 2\./);
    assert.match(opened.say.join(" "), /Tapez une note de 1, pas du tout satisfait, à 5/);
    assert.equal(opened.state.phase, "survey");
    const survey = effect(stepCall(opened.state, { type: "digits", digits: "4" }, CLOSED));
    assert.deepEqual(survey.effect, { type: "save_survey", score: 4 });
    const bye = respond(stepCall(survey.state, { type: "survey_saved" }, CLOSED));
    assert.deepEqual(bye.next, { type: "hangup" });
    assert.equal(bye.outcome, "callback");
    assert.match(bye.say.join(" "), /Merci pour votre avis\. .*Au revoir/);
  });

  it("asks for a number when it was withheld, and refuses one that is not a phone number", () => {
    const facts = { ...CLOSED, callerNumber: null };
    const ask = respond(run([{ type: "start" }, { type: "digits", digits: "0" }], facts));
    assert.equal(ask.state.phase, "callback_number");
    assert.deepEqual(ask.next, { type: "gather", maxDigits: 15, finishOnKey: true, speech: false });
    const bad = respond(stepCall(ask.state, { type: "digits", digits: "123" }, facts));
    assert.match(bad.say[0] ?? "", /n'est pas valide/);
    const good = effect(stepCall(bad.state, { type: "digits", digits: "0612345678" }, facts));
    assert.deepEqual(good.effect, { type: "open_callback", phone: "0612345678" });
    const spoken = effect(stepCall(bad.state, { type: "speech", text: "zéro six 06 12 34 56 78" }, facts));
    assert.deepEqual(spoken.effect, { type: "open_callback", phone: "0612345678" });
  });

  it("offers a call-back when the transfer is not answered", () => {
    const transfer = respond(run([{ type: "start" }, { type: "digits", digits: "0" }]));
    const failed = respond(stepCall(transfer.state, { type: "transfer_failed" }, OPEN));
    assert.match(failed.say.join(" "), /Aucun agent n'a pu prendre votre appel/);
    assert.equal(failed.state.phase, "callback_offer");
    assert.equal(failed.state.result, undefined);
  });

  it("hangs up after two silences in a row, counting the call as abandoned when nothing was answered", () => {
    const first = respond(run([{ type: "start" }, { type: "silence" }]));
    assert.match(first.say[0] ?? "", /Je ne vous ai pas entendu/);
    assert.equal(first.next.type, "gather");
    const second = respond(stepCall(first.state, { type: "silence" }, OPEN));
    assert.deepEqual(second.next, { type: "hangup" });
    assert.equal(second.outcome, "abandoned");
  });

  it("counts a call that heard an answer for the assistant", () => {
    const state: CallState = { ...newCallState(TOP), phase: "more", answers: 1 };
    const end = respond(stepCall(state, { type: "digits", digits: "2" }, OPEN));
    assert.equal(end.state.phase, "survey");
    const bye = respond(stepCall(end.state, { type: "silence" }, OPEN));
    assert.equal(bye.outcome, "assistant");
  });

  it("after three unknown keys in a row, offers a person instead of a fourth menu", () => {
    const one = respond(run([{ type: "start" }, { type: "digits", digits: "7" }]));
    assert.match(one.say[0] ?? "", /Ce choix n'existe pas/);
    const two = respond(stepCall(one.state, { type: "digits", digits: "9" }, OPEN));
    const three = respond(stepCall(two.state, { type: "digits", digits: "#4" }, OPEN));
    assert.deepEqual(three.next, { type: "transfer", target: "+33100000000" });
  });

  it("ends a call that never stops sending keys", () => {
    let state: CallState = { ...newCallState(TOP), phase: "menu" };
    let step: CallStep | undefined;
    for (let i = 0; i <= MAX_CALL_INPUTS; i++) {
      step = stepCall(state, { type: "digits", digits: "*" }, OPEN);
      state = step.state;
    }
    const last = respond(step as CallStep);
    assert.deepEqual(last.next, { type: "hangup" });
    assert.match(last.say[0] ?? "", /trop longtemps/);
    assert.deepEqual(last.path.at(-1), { step: "end", value: "abandoned" });
  });

  it("understands 'non merci' after an answer as the end, and a spoken request for a person", () => {
    const state: CallState = { ...newCallState(TOP), phase: "more", answers: 1 };
    const end = respond(stepCall(state, { type: "speech", text: "Non merci" }, { ...OPEN, speech: true }));
    assert.equal(end.state.phase, "survey");
    const handoff: SpokenReply = {
      kind: "handoff_contact",
      text: "Indiquez votre adresse e-mail…",
      sources: [],
      choices: [],
    };
    const cancel = effect(stepCall(state, { type: "reply", reply: handoff }, CLOSED));
    assert.deepEqual(cancel.effect, { type: "cancel_handoff" });
    const agent = respond(stepCall(cancel.state, { type: "handoff_cancelled" }, CLOSED));
    assert.equal(agent.state.phase, "callback_offer");
    assert.doesNotMatch(agent.say.join(" "), /e-mail/);
  });

  it("keeps what the caller said out of the path", () => {
    const step = effect(
      run([{ type: "start" }, { type: "speech", text: "Mon numéro est le 06 12 34 56 78" }]),
    );
    assert.deepEqual(step.path, [{ step: "speech" }]);
  });
});
