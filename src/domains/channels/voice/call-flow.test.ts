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
  sms: false,
  recordings: false,
};
const CLOSED: CallFacts = { ...OPEN, openNow: false };

const ANSWER: SpokenReply = {
  kind: "answer",
  text: "D'après « Carte d'identité d'un majeur : première demande » : La demande se fait en mairie.",
  sources: [
    {
      id: "F1341",
      title: "Carte d'identité d'un majeur : première demande",
      url: "https://guichet.test/fiches/F1341",
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

  it("passes the caller to a person during opening hours, counted for an agent only once one answers", () => {
    const step = respond(run([{ type: "start" }, { type: "digits", digits: "0" }]));
    assert.deepEqual(step.next, { type: "transfer", target: "+33100000000" });
    assert.equal(step.outcome, undefined, "not settled: the provider reports whether an agent answered");
    assert.equal(step.state.phase, "transferring");
    assert.match(step.say.join(" "), /Je vous passe un agent/);
    assert.equal(finalOutcome(step.state), "abandoned", "a transfer nobody confirmed is not an agent's");
    const answered = respond(
      run([{ type: "start" }, { type: "reply", reply: ANSWER }, { type: "digits", digits: "0" }]),
    );
    assert.equal(finalOutcome(answered.state), "assistant");
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

  it("keeps a typed call-back number out of the path", () => {
    const facts = { ...CLOSED, callerNumber: null };
    const asked = respond(run([{ type: "start" }, { type: "digits", digits: "0" }], facts));
    const typed = effect(stepCall(asked.state, { type: "digits", digits: "0612345678#" }, facts));
    assert.deepEqual(typed.path, [{ step: "number_typed" }]);
    assert.doesNotMatch(JSON.stringify(typed.path), /612345678/);
  });

  it("keeps what the caller said out of the path", () => {
    const step = effect(
      run([{ type: "start" }, { type: "speech", text: "Mon numéro est le 06 12 34 56 78" }]),
    );
    assert.deepEqual(step.path, [{ step: "speech" }]);
  });
});

describe("call flow: the link by SMS", () => {
  const SMS: CallFacts = { ...OPEN, sms: true };
  const answered = (facts: CallFacts, reply: SpokenReply = ANSWER) =>
    respond(run([{ type: "start" }, { type: "reply", reply }], facts));

  it("offers the page's link by SMS to a French mobile after an answer, and sends its title and address only", () => {
    const more = answered(SMS);
    const said = more.say.join(" ");
    assert.match(said, /pour recevoir par SMS le lien de cette page, tapez 2 ; pour terminer, tapez 3/);
    const send = effect(stepCall(more.state, { type: "digits", digits: "2" }, SMS));
    assert.deepEqual(send.effect, {
      type: "send_sms",
      to: "+33612345678",
      text: "Carte d'identité d'un majeur : première demande\nhttps://guichet.test/fiches/F1341",
    });
    const sent = respond(stepCall(send.state, { type: "sms_sent" }, SMS));
    assert.match(sent.say[0] ?? "", /C'est envoyé/);
    assert.deepEqual(sent.path, [{ step: "sms", value: "sent" }]);
    assert.doesNotMatch(
      JSON.stringify([send.path, sent.path]),
      /612345678/,
      "the number stays out of the path",
    );
    // Sent once: not offered again for the same page, and "2" ends the call as usual.
    assert.doesNotMatch(sent.say.join(" "), /SMS le lien/);
    assert.equal(respond(stepCall(sent.state, { type: "digits", digits: "2" }, SMS)).state.phase, "survey");
  });

  it("never offers it to a landline, a withheld number, without a gateway, or after an answer without a page", () => {
    const landline = { ...SMS, callerNumber: "+33140000000" };
    for (const facts of [landline, { ...SMS, callerNumber: null }, { ...SMS, sms: false }]) {
      const more = answered(facts);
      assert.doesNotMatch(more.say.join(" "), /SMS/);
      assert.match(more.say.join(" "), /pour terminer, tapez 2/);
      const two = respond(stepCall(more.state, { type: "digits", digits: "2" }, facts));
      assert.equal(two.state.phase, "survey", "2 still ends the call");
    }
    const noPage = answered(SMS, { ...ANSWER, kind: "unanswered", sources: [] });
    assert.doesNotMatch(noPage.say.join(" "), /SMS/);
    for (const mobile of ["0712345678", "+33 7 12 34 56 78", "0033612345678"])
      assert.match(answered({ ...SMS, callerNumber: mobile }).say.join(" "), /SMS le lien/, mobile);
  });

  it("understands 'envoyez-moi le lien par SMS', and says so when the gateway failed", () => {
    const facts = { ...SMS, speech: true };
    const more = answered(facts);
    const send = effect(stepCall(more.state, { type: "speech", text: "Envoyez-moi le lien par SMS" }, facts));
    assert.equal(send.effect.type, "send_sms");
    const failed = respond(stepCall(send.state, { type: "sms_failed", failure: "timeout" }, facts));
    assert.match(failed.say[0] ?? "", /Je n'ai pas pu envoyer le SMS/);
    assert.deepEqual(failed.path, [{ step: "sms", value: "timeout" }]);
    assert.doesNotMatch(failed.say.join(" "), /SMS le lien/, "no second try");
  });

  it("sends three SMS at most in one call", () => {
    let state = answered(SMS).state;
    for (let i = 0; i < 3; i++) {
      const send = effect(stepCall(state, { type: "digits", digits: "2" }, SMS));
      const sent = respond(stepCall(send.state, { type: "sms_sent" }, SMS));
      state = respond(stepCall(sent.state, { type: "reply", reply: ANSWER }, SMS)).state;
    }
    const fourth = respond(stepCall(state, { type: "reply", reply: ANSWER }, SMS));
    assert.doesNotMatch(fourth.say.join(" "), /SMS/);
  });
});

describe("call flow: recordings", () => {
  const RECORDED: CallFacts = { ...OPEN, recordings: true };

  it("says in the greeting that an agent's conversation may be recorded, and asks before the transfer", () => {
    const greeting = respond(run([{ type: "start" }], RECORDED));
    assert.match(greeting.say[1] ?? "", /pourra être enregistrée.*vous pourrez refuser/);
    assert.doesNotMatch(respond(run([{ type: "start" }])).say.join(" "), /enregistrée/, "off: not a word");
    const asked = respond(stepCall(greeting.state, { type: "digits", digits: "0" }, RECORDED));
    assert.equal(asked.state.phase, "record_consent");
    assert.match(asked.say.join(" "), /Pour accepter, tapez 1\. Pour refuser, tapez 2\./);
    const yes = respond(stepCall(asked.state, { type: "digits", digits: "1" }, RECORDED));
    assert.deepEqual(yes.next, { type: "transfer", target: "+33100000000", record: true });
    assert.equal(yes.state.recordingConsent, true);
    assert.deepEqual(yes.path.slice(-2), [{ step: "recording_consent", value: "yes" }, { step: "transfer" }]);
    const no = respond(stepCall(asked.state, { type: "digits", digits: "2" }, RECORDED));
    assert.deepEqual(no.next, { type: "transfer", target: "+33100000000" });
    assert.match(no.say[0] ?? "", /ne sera pas enregistrée/);
  });

  it("takes silence, 'non' and wrong keys as a refusal, and never records with recordings off", () => {
    const asked = respond(run([{ type: "start" }, { type: "digits", digits: "0" }], RECORDED));
    const silent = respond(stepCall(asked.state, { type: "silence" }, RECORDED));
    assert.deepEqual(silent.next, { type: "transfer", target: "+33100000000" });
    assert.equal(silent.state.recordingConsent, false);
    const spoken = respond(stepCall(asked.state, { type: "speech", text: "non merci" }, RECORDED));
    assert.deepEqual(spoken.next, { type: "transfer", target: "+33100000000" });
    let state = asked.state;
    let step: CallStep | undefined;
    for (const key of ["7", "8", "9"]) {
      step = stepCall(state, { type: "digits", digits: key }, RECORDED);
      state = step.state;
    }
    assert.deepEqual(respond(step as CallStep).next, { type: "transfer", target: "+33100000000" });
    // A consent given while recordings were on does not record once they are off.
    const yes = respond(stepCall(asked.state, { type: "digits", digits: "1" }, OPEN));
    assert.deepEqual(yes.next, { type: "transfer", target: "+33100000000" });
  });

  it("asks once per call, and offers a call-back when the town closed meanwhile", () => {
    const asked = respond(run([{ type: "start" }, { type: "digits", digits: "0" }], RECORDED));
    const yes = respond(stepCall(asked.state, { type: "digits", digits: "1" }, RECORDED));
    const failed = respond(stepCall(yes.state, { type: "transfer_failed" }, RECORDED));
    assert.equal(failed.state.phase, "callback_offer");
    const closed = respond(
      stepCall(asked.state, { type: "digits", digits: "1" }, { ...RECORDED, openNow: false }),
    );
    assert.equal(closed.state.phase, "callback_offer");
    const again = respond(
      stepCall({ ...yes.state, phase: "menu" }, { type: "digits", digits: "0" }, RECORDED),
    );
    assert.deepEqual(again.next, { type: "transfer", target: "+33100000000", record: true });
  });
});
