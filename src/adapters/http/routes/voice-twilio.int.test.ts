/**
 * Whole calls through the Twilio-style webhooks on a real database with real service-public.fr fiches:
 * greeting → keypad menu → the assistant's answer → a call-back request that lands in the inbox with
 * the caller's number and path → the one-question survey → the call row with its outcome and path.
 * Also: transfer during opening hours, signatures, malformed requests, silence.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { type SmsGateway, startSmsGateway } from "../../../../test/helpers/sms-gateway.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { ensureStandardQuestionnaires } from "../../../domains/feedback/index.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { createHttpSmsSender } from "../../sms/http-sms-sender.ts";
import { twilioSignature } from "../../voice/twilio-signature.ts";

const TOKEN = "test-auth-token-0123456789";
const PUBLIC_URL = "http://guichet.test";
const CALLER = "+33612345678";
const FICHES = [
  ...["N358", "F1341", "F21089", "F1344", "F1759", "N360", "F14929", "F21091", "F21246", "F21247"],
  ...["N47", "F1367", "F1961", "F1372", "F1937", "N359", "F1427", "F1432", "F1444"],
];
/** Saturday 14 March 2026, 10:00 in Paris: the town hall is closed. */
const SATURDAY = new Date("2026-03-14T09:00:00Z");
/** Tuesday 10 March 2026, 10:00 in Paris: open. */
const TUESDAY = new Date("2026-03-10T09:00:00Z");

let sequence = 0;
function newCallSid(): string {
  sequence += 1;
  return `CA${sequence.toString(16).padStart(32, "0")}`;
}

/** The text said in a TwiML document, entities decoded. */
function said(xml: string): string {
  return [...xml.matchAll(/<Say language="fr-FR">([^<]*)<\/Say>/g)]
    .map((m) =>
      (m[1] ?? "")
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    )
    .join(" ");
}

function keyFor(text: string, label: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}, (?:dites \\d ou )?tapez (\\d)`).exec(text);
  assert.ok(match, `« ${label} » absent du menu : ${text}`);
  return match[1] as string;
}

/** Signed webhook requests to the app `app()`, and its call rows. */
function webhooks(app: () => TestApp) {
  async function post(path: string, params: Record<string, string>, options: { signature?: string } = {}) {
    const url = `/voice/twilio/${path}`;
    const signature = options.signature ?? twilioSignature(TOKEN, `${PUBLIC_URL}${url}`, params);
    return app().app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      payload: new URLSearchParams(params).toString(),
    });
  }

  async function turn(path: string, params: Record<string, string>): Promise<string> {
    const response = await post(path, params);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.headers["content-type"] as string, /^text\/xml/);
    assert.match(response.body, /^<\?xml version="1.0" encoding="UTF-8"\?><Response>/);
    return response.body;
  }

  async function callRow(callSid: string) {
    return app()
      .database.db.selectFrom("calls")
      .selectAll()
      .where("provider_call_id", "=", callSid)
      .executeTakeFirstOrThrow();
  }
  return { post, turn, callRow };
}

describe("voice webhooks (/voice/twilio/*)", () => {
  let t: TestApp;
  const clock = fixedClock(SATURDAY);
  const { post, turn, callRow } = webhooks(() => t);

  before(async () => {
    t = await createTestApp({
      clock,
      env: { PUBLIC_URL, VOICE_TWILIO_AUTH_TOKEN: TOKEN, VOICE_TRANSFER_NUMBER: "+33100000000" },
    });
    await insertPackageFiches(t.database.db, t.deps.organisation.id, FICHES);
    await ensureStandardQuestionnaires(t.database.db, { organisationId: t.deps.organisation.id, clock });
  });
  beforeEach(() => clock.set(SATURDAY));
  after(() => t.close());

  it("takes a whole call on the keypad: menu, answer, call-back case in the inbox, survey, call record", async () => {
    const sid = newCallSid();
    const greeting = await turn("incoming", { CallSid: sid, From: CALLER, To: "+33100000001" });
    const welcome = said(greeting);
    assert.match(welcome, /assistant automatique de .*robot/);
    assert.match(greeting, /<Gather input="dtmf speech" numDigits="1" finishOnKey="" timeout="6"/);
    assert.match(greeting, /action="\/voice\/twilio\/gather" method="POST" actionOnEmptyResult="true"/);
    // The top menu holds the folders of the procedures people call about most.
    const folderKey = keyFor(welcome, "Pour Carte d'identité");
    keyFor(welcome, "Pour Passeport");

    const folder = said(await turn("gather", { CallSid: sid, From: CALLER, Digits: folderKey }));
    const pageKey = keyFor(folder, "Pour un majeur : première demande");
    assert.match(folder, /revenir en arrière, tapez dièse/);

    const answer = said(await turn("gather", { CallSid: sid, From: CALLER, Digits: pageKey }));
    assert.match(answer, /^D'après Carte d'identité d'un majeur : première demande/);
    assert.doesNotMatch(answer, /https?:|www\./);
    assert.match(answer, /Le détail est sur le site internet de la mairie\. Voulez-vous autre chose \?/);

    const offer = said(await turn("gather", { CallSid: sid, From: CALLER, Digits: "0" }));
    assert.match(offer, /La mairie est fermée en ce moment/);
    assert.match(offer, /se termine par 7 8, tapez 1/);

    const noted = said(await turn("gather", { CallSid: sid, From: CALLER, Digits: "1" }));
    const reference = /référence G U, (\d{4}), ([\d ]+)\./.exec(noted);
    assert.ok(reference, noted);
    assert.match(noted, /une note de 1, pas du tout satisfait, à 5/);

    const goodbye = await turn("gather", { CallSid: sid, From: CALLER, Digits: "4" });
    assert.match(said(goodbye), /Merci pour votre avis\. Merci de votre appel\. Au revoir\./);
    assert.match(goodbye, /<Hangup\/><\/Response>$/);

    // The call-back case is in the one inbox, with the number and the keypad path.
    const caseRow = await t.database.db
      .selectFrom("cases")
      .innerJoin("case_messages", "case_messages.case_id", "cases.id")
      .select([
        "cases.id",
        "reference",
        "channel",
        "status",
        "contact_phone",
        "subject",
        "case_messages.body",
      ])
      .where("cases.organisation_id", "=", t.deps.organisation.id)
      .where("submission_key", "like", "call:%")
      .executeTakeFirstOrThrow();
    assert.equal(caseRow.reference, `GU-${reference[1]}-${(reference[2] ?? "").replace(/ /g, "")}`);
    assert.equal(caseRow.channel, "phone");
    assert.equal(caseRow.status, "nouveau");
    assert.equal(caseRow.contact_phone, CALLER);
    assert.equal(
      caseRow.subject,
      "Rappel demandé par téléphone : Carte d'identité d'un majeur : première demande (F1341)",
    );
    assert.match(caseRow.body, /Numéro à rappeler : \+33612345678/);
    assert.match(
      caseRow.body,
      new RegExp(`- Choix ${folderKey} : Carte d'identité\\n- Choix ${pageKey} : Pour un majeur`),
    );
    assert.match(caseRow.body, /- Réponse lue : Carte d'identité d'un majeur : première demande \(F1341\)/);

    // The survey answer went through the feedback domain, as a phone CSAT.
    const survey = await t.database.db
      .selectFrom("feedback_answers")
      .select(["kind", "channel", "csat", "case_id", "conversation_id"])
      .where("organisation_id", "=", t.deps.organisation.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { ...survey, conversation_id: typeof survey.conversation_id },
      {
        kind: "csat",
        channel: "phone",
        csat: 4,
        case_id: caseRow.id,
        conversation_id: "string",
      },
    );

    // The call record: outcome, times, path (ids and keys, nothing said), no number, state emptied.
    const call = await callRow(sid);
    assert.equal(call.outcome, "callback");
    assert.equal(call.provider, "twilio");
    assert.equal(call.case_id, caseRow.id);
    assert.equal(call.conversation_id, survey.conversation_id);
    assert.deepEqual(call.state, {});
    assert.equal(call.ended_at?.toISOString(), SATURDAY.toISOString());
    assert.equal(call.answered_at?.toISOString(), SATURDAY.toISOString());
    assert.equal(call.turns, 6);
    assert.ok(call.first_audio_ms !== null && call.first_audio_ms >= 0);
    assert.ok(call.turn_ms_max >= 0 && call.turn_ms_total >= call.turn_ms_max);
    assert.match(call.caller_hash ?? "", /^[0-9a-f]{64}$/);
    assert.doesNotMatch(JSON.stringify(call), /612345678/);
    const steps = call.path.map((entry) => entry.step);
    assert.deepEqual(steps, [
      "start",
      "digits",
      "choice",
      "digits",
      "choice",
      "reply",
      "digits",
      "agent",
      "digits",
      "callback",
      "digits",
      "survey",
      "end",
    ]);
    assert.deepEqual(call.path[2], { step: "choice", value: "N358" });
    assert.deepEqual(call.path[5], { step: "reply", value: "answer", sources: ["F1341"] });
    assert.deepEqual(call.path.at(-1), { step: "end", value: "callback" });

    // The provider's end-of-call report changes nothing on a settled call.
    const status = await post("status", { CallSid: sid, CallStatus: "completed" });
    assert.equal(status.statusCode, 204);
    assert.equal((await callRow(sid)).outcome, "callback");
  });

  it("answers a spoken question with the assistant, and passes the caller to a person during opening hours", async () => {
    clock.set(TUESDAY);
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: CALLER });
    const answer = said(
      await turn("gather", {
        CallSid: sid,
        From: CALLER,
        SpeechResult: "Comment s'inscrire sur les listes électorales ?",
      }),
    );
    assert.match(answer, /^D'après Listes électorales/);
    const transfer = await turn("gather", { CallSid: sid, From: CALLER, Digits: "0" });
    assert.match(said(transfer), /Je vous passe un agent/);
    assert.match(
      transfer,
      /<Dial action="\/voice\/twilio\/dial" method="POST" timeout="25"><Number>\+33100000000<\/Number><\/Dial><\/Response>$/,
    );
    const transferring = await callRow(sid);
    assert.deepEqual([transferring.outcome, transferring.ended_at], [null, null]);
    assert.equal((transferring.state as { phase?: string }).phase, "transferring");
    assert.equal((transferring.state as { result?: string }).result, undefined, "no agent has answered yet");

    // Nobody picked up: a call-back is offered instead.
    const fallback = said(await turn("dial", { CallSid: sid, From: CALLER, DialCallStatus: "no-answer" }));
    assert.match(fallback, /Aucun agent n'a pu prendre votre appel\. .*tapez 1/);
    const status = await post("status", { CallSid: sid, CallStatus: "completed" });
    assert.equal(status.statusCode, 204);
    const call = await callRow(sid);
    assert.equal(call.outcome, "assistant");
    assert.ok(call.ended_at);
    assert.ok(call.path.some((entry) => entry.step === "speech"));
    assert.doesNotMatch(JSON.stringify(call.path), /listes/i);
  });

  it("counts a call whose transfer was answered as transferred", async () => {
    clock.set(TUESDAY);
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: CALLER });
    assert.match(await turn("gather", { CallSid: sid, Digits: "0" }), /<Dial /);
    const done = await turn("dial", { CallSid: sid, DialCallStatus: "completed" });
    assert.match(done, /<Response><Hangup\/><\/Response>$/);
    const call = await callRow(sid);
    assert.equal(call.outcome, "transferred");
    assert.ok(call.ended_at);
    assert.deepEqual(call.path.slice(-3), [
      { step: "agent" },
      { step: "transfer" },
      { step: "transfer_answered" },
    ]);
  });

  it("understands a spoken request for a person, and the assistant stops waiting for an e-mail address", async () => {
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: CALLER });
    const offer = said(
      await turn("gather", { CallSid: sid, From: CALLER, SpeechResult: "Je voudrais parler à un agent" }),
    );
    assert.match(offer, /La mairie est fermée en ce moment\. Un agent peut vous rappeler/);
    assert.doesNotMatch(offer, /e-mail/);
    const call = await callRow(sid);
    const conversation = await t.database.db
      .selectFrom("conversations")
      .select("state")
      .where("id", "=", call.conversation_id as string)
      .executeTakeFirstOrThrow();
    assert.equal((conversation.state as { awaitingContact?: boolean }).awaitingContact, undefined);
    const noted = said(await turn("gather", { CallSid: sid, From: CALLER, Digits: "1" }));
    assert.match(noted, /C'est noté/);
  });

  it("hangs up after two silences and records the call as abandoned", async () => {
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: "anonymous" });
    assert.match(said(await turn("gather", { CallSid: sid })), /^Je ne vous ai pas entendu/);
    const bye = await turn("gather", { CallSid: sid });
    assert.match(bye, /<Hangup\/>/);
    const call = await callRow(sid);
    assert.equal(call.outcome, "abandoned");
    assert.equal(call.caller_hash, null);
  });

  it("refuses unsigned or wrongly signed requests, in French, without creating a call", async () => {
    const sid = newCallSid();
    const unsigned = await post("incoming", { CallSid: sid }, { signature: "" });
    assert.equal(unsigned.statusCode, 403);
    assert.match(said(unsigned.body), /signature de la requête .* n'est pas valide/);
    const forged = await post(
      "incoming",
      { CallSid: sid },
      { signature: twilioSignature("other", `${PUBLIC_URL}/voice/twilio/incoming`, { CallSid: sid }) },
    );
    assert.equal(forged.statusCode, 403);
    const calls = await t.database.db
      .selectFrom("calls")
      .select("id")
      .where("provider_call_id", "=", sid)
      .execute();
    assert.equal(calls.length, 0);
  });

  it("answers a malformed request with 400 in French, and ends its call cleanly", async () => {
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: CALLER });
    const flood = await post("gather", { CallSid: sid, Digits: "1".repeat(500) });
    assert.equal(flood.statusCode, 400);
    assert.match(
      said(flood.body),
      /La requête de l'opérateur téléphonique n'est pas valide\. L'appel est terminé\./,
    );
    const call = await callRow(sid);
    assert.equal(call.outcome, "failed");
    assert.ok(call.ended_at);
    assert.deepEqual(call.state, {});
    // The ended call gets no further turn.
    assert.match(await turn("gather", { CallSid: sid, Digits: "1" }), /<Response><Hangup\/><\/Response>/);

    const noSid = await post("incoming", { From: CALLER });
    assert.equal(noSid.statusCode, 400);
    const unknown = await post("gather", { CallSid: newCallSid(), Digits: "1" });
    assert.equal(unknown.statusCode, 404);
    assert.match(said(unknown.body), /Cet appel est inconnu/);
  });
});

describe("voice webhooks: the link by SMS and recordings", () => {
  let t: TestApp;
  let gateway: SmsGateway;
  const clock = fixedClock(TUESDAY);
  const { post, turn, callRow } = webhooks(() => t);
  const QUESTION = "Comment s'inscrire sur les listes électorales ?";

  before(async () => {
    gateway = await startSmsGateway();
    t = await createTestApp({
      clock,
      env: {
        PUBLIC_URL,
        VOICE_TWILIO_AUTH_TOKEN: TOKEN,
        VOICE_TRANSFER_NUMBER: "+33100000000",
        VOICE_RECORDINGS: "on",
      },
      deps: { sms: createHttpSmsSender({ apiUrl: gateway.url, apiKey: "cle", timeoutMs: 2_000 }) },
    });
    await insertPackageFiches(t.database.db, t.deps.organisation.id, FICHES);
    await ensureStandardQuestionnaires(t.database.db, { organisationId: t.deps.organisation.id, clock });
  });
  beforeEach(() => {
    clock.set(TUESDAY);
    gateway.received.length = 0;
  });
  after(async () => {
    await t.close();
    await gateway.close();
  });

  it("sends the page's title and address to a mobile caller who types 2, and notes it in the path only", async () => {
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: CALLER });
    const answer = said(await turn("gather", { CallSid: sid, From: CALLER, SpeechResult: QUESTION }));
    assert.match(answer, /^D'après Listes électorales/);
    assert.match(answer, /pour recevoir par SMS le lien de cette page, tapez 2 ; pour terminer, tapez 3/);
    const sent = said(await turn("gather", { CallSid: sid, From: CALLER, Digits: "2" }));
    assert.match(sent, /^C'est envoyé : vous allez recevoir le lien par SMS\. Voulez-vous autre chose/);

    assert.equal(gateway.received.length, 1, "exactly one SMS");
    const sms = gateway.received[0];
    assert.equal(sms?.authorization, "Bearer cle");
    assert.equal(sms?.body?.to, CALLER);
    const call = await callRow(sid);
    const page = call.path.find((entry) => entry.step === "reply")?.sources as string[];
    const fiche = await t.database.db
      .selectFrom("fiches")
      .select("title")
      .where("id", "=", page[0] as string)
      .executeTakeFirstOrThrow();
    assert.equal(
      sms?.body?.text,
      `${fiche.title}\n${PUBLIC_URL}/fiches/${page[0]}`,
      "the title and the address only",
    );
    assert.ok(call.path.some((entry) => entry.step === "sms" && entry.value === "sent"));
    assert.doesNotMatch(JSON.stringify(call), /612345678/, "the number is not on the call row");

    // The "more" menu no longer offers it; "2" now ends the call.
    assert.match(
      said(await turn("gather", { CallSid: sid, From: CALLER, Digits: "2" })),
      /une seule question/,
    );
    assert.equal(gateway.received.length, 1);
  });

  it("never offers it to a landline, and says so when the gateway fails", async () => {
    const landline = "+33140000000";
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: landline });
    const answer = said(await turn("gather", { CallSid: sid, From: landline, SpeechResult: QUESTION }));
    assert.doesNotMatch(answer, /SMS/);
    assert.match(
      said(await turn("gather", { CallSid: sid, From: landline, Digits: "2" })),
      /une seule question/,
    );
    assert.equal(gateway.received.length, 0);

    gateway.behave({ kind: "status", status: 503 });
    const other = newCallSid();
    await turn("incoming", { CallSid: other, From: "0712345678" });
    await turn("gather", { CallSid: other, From: "0712345678", SpeechResult: QUESTION });
    const failed = said(await turn("gather", { CallSid: other, From: "0712345678", Digits: "2" }));
    assert.match(failed, /^Je n'ai pas pu envoyer le SMS/);
    assert.equal(gateway.received[0]?.body?.to, "+33712345678", "sent in international form");
    assert.ok((await callRow(other)).path.some((e) => e.step === "sms" && e.value === "provider_error"));
    gateway.behave({ kind: "accept" });
  });

  it("asks before recording, records the agent's part only with consent, and keeps only the provider's reference", async () => {
    const sid = newCallSid();
    const greeting = said(await turn("incoming", { CallSid: sid, From: CALLER }));
    assert.match(greeting, /robot.*la conversation pourra être enregistrée.*vous pourrez refuser/);
    const asked = said(await turn("gather", { CallSid: sid, From: CALLER, Digits: "0" }));
    assert.match(
      asked,
      /acceptez-vous que votre conversation avec l'agent soit enregistrée \? Pour accepter, tapez 1/,
    );
    const dial = await turn("gather", { CallSid: sid, From: CALLER, Digits: "1" });
    assert.match(
      dial,
      /<Dial action="\/voice\/twilio\/dial" method="POST" timeout="25" record="record-from-answer" recordingStatusCallback="\/voice\/twilio\/recording"><Number>\+33100000000<\/Number><\/Dial>/,
    );
    assert.equal((await callRow(sid)).recording_consent, true);
    const url =
      "https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0123456789abcdef0123456789abcdef";
    const reported = await post("recording", {
      CallSid: sid,
      RecordingSid: "RE0123456789abcdef0123456789abcdef",
      RecordingUrl: url,
      RecordingStatus: "completed",
      RecordingDuration: "42",
    });
    assert.equal(reported.statusCode, 204);
    assert.match(await turn("dial", { CallSid: sid, DialCallStatus: "completed" }), /<Hangup\/>/);
    const call = await callRow(sid);
    assert.deepEqual([call.outcome, call.recording_ref, call.recording_consent], ["transferred", url, true]);
    assert.equal(call.recorded_at?.toISOString(), TUESDAY.toISOString());

    // Refused: the same transfer, not recorded.
    const other = newCallSid();
    await turn("incoming", { CallSid: other, From: CALLER });
    await turn("gather", { CallSid: other, From: CALLER, Digits: "0" });
    const plain = await turn("gather", { CallSid: other, From: CALLER, Digits: "2" });
    assert.match(said(plain), /ne sera pas enregistrée\. Je vous passe un agent/);
    assert.match(plain, /<Dial action="\/voice\/twilio\/dial" method="POST" timeout="25"><Number>/);
    assert.equal((await callRow(other)).recording_consent, false);
  });

  it("counts a call whose end is reported before the transfer's result for an agent only once one answered", async () => {
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: CALLER });
    await turn("gather", { CallSid: sid, Digits: "0" });
    await turn("gather", { CallSid: sid, Digits: "2" });
    assert.equal((await post("status", { CallSid: sid, CallStatus: "completed" })).statusCode, 204);
    assert.equal((await callRow(sid)).outcome, "abandoned");
    await turn("dial", { CallSid: sid, DialCallStatus: "answered" });
    assert.equal((await callRow(sid)).outcome, "transferred");
  });

  it("refuses unsigned or malformed recording reports, and ignores unfinished ones", async () => {
    const sid = newCallSid();
    await turn("incoming", { CallSid: sid, From: CALLER });
    const forged = await post(
      "recording",
      { CallSid: sid, RecordingUrl: "https://evil.example/x" },
      { signature: "bad" },
    );
    assert.equal(forged.statusCode, 403);
    const malformed = await post("recording", { CallSid: sid, RecordingUrl: "javascript:alert(1)" });
    assert.equal(malformed.statusCode, 400);
    const partial = await post("recording", {
      CallSid: sid,
      RecordingSid: "RE0123456789abcdef0123456789abcdef",
      RecordingStatus: "in-progress",
    });
    assert.equal(partial.statusCode, 204);
    const unknown = await post("recording", {
      CallSid: newCallSid(),
      RecordingSid: "RE0123456789abcdef0123456789abcdef",
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal((await callRow(sid)).recording_ref, null);
  });
});
