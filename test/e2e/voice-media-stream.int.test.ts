/**
 * Calls over the Media Streams protocol with real audio: espeak-ng speaks the prompts (checked as
 * non-silent 8 kHz µ-law of a plausible length) and the caller's own speech; keys drive the menus; the
 * records and cases are checked in the database. Then hostile callers: malformed frames, a wrong codec,
 * silence, a flood of keys, a caller who never hangs up — each call ends cleanly with its record, and
 * a call running beside them is unaffected. Speech-to-text is a stand-in (no offline French model).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cachedTextToSpeech } from "../../src/adapters/voice/cached-tts.ts";
import { createEspeakTextToSpeech } from "../../src/adapters/voice/espeak-tts.ts";
import { createAssistantContext } from "../../src/domains/assistant/index.ts";
import type { SpeechToText, VoiceContext } from "../../src/domains/channels/voice/index.ts";
import { ensureStandardQuestionnaires } from "../../src/domains/feedback/index.ts";
import { ensureOrganisation } from "../../src/domains/identity/index.ts";
import { createSearchEngine } from "../../src/domains/knowledge/search/create-search-engine.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { insertPackageFiches } from "../factories/a-fiche.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";
import { createTestCaller, rms } from "./voice-caller.ts";

const FICHES = [
  ...["N358", "F1341", "F21089", "F1344", "F1759", "N360", "F14929", "F21091", "F21246", "F21247"],
  ...["N47", "F1367", "F1961", "F1372", "F1937"],
];
/** Saturday 14 March 2026, 10:00 in Paris: closed. */
const SATURDAY = new Date("2026-03-14T09:00:00Z");
const QUESTION = "Comment s'inscrire sur les listes électorales ?";

let sequence = 0;
const newCallSid = () => `CA${(++sequence).toString(16).padStart(32, "a")}`;

describe("voice calls over a media stream (real audio)", () => {
  let database: TestDatabase;
  let context: VoiceContext;
  let organisationId: string;
  const clock = fixedClock(SATURDAY);
  const tts = cachedTextToSpeech(createEspeakTextToSpeech());
  const heard: number[] = [];
  const stt: SpeechToText = {
    transcribe: async (pcm) => {
      heard.push(pcm.length);
      return rms(pcm) > 300 ? QUESTION : null;
    },
  };

  before(async () => {
    database = await createTestDatabase();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
    await insertPackageFiches(database.db, organisationId, FICHES);
    await ensureStandardQuestionnaires(database.db, { organisationId, clock });
    const search = createSearchEngine({ db: database.db, clock });
    context = {
      assistant: createAssistantContext({ db: database.db, clock, search, publicUrl: "http://guichet.test" }),
      organisationName: "Ville de Démo",
      transferTarget: "+33100000000",
    };
  });
  after(() => database.close());

  const callRow = (callSid: string) =>
    database.db
      .selectFrom("calls")
      .selectAll()
      .where("provider_call_id", "=", callSid)
      .executeTakeFirstOrThrow();

  it("takes a keypad call: spoken prompts, answer, call-back case, survey, record", async () => {
    const callSid = newCallSid();
    const latencies: number[] = [];
    const caller = createTestCaller({
      context,
      organisationId,
      tts,
      stt: null,
      callSid,
      from: "+33612345678",
      onTurn: (turn) => latencies.push(turn.latencyMs),
    });
    caller.start();
    const greeting = await caller.nextPrompt();
    // Greeting and menu: about twenty seconds of real speech, not silence, at 8 kHz.
    assert.ok(greeting.seconds > 12 && greeting.seconds < 60, `${greeting.seconds} s`);
    assert.ok(greeting.rms > 500, `rms ${greeting.rms}`);
    caller.press("1"); // Carte d'identité (the first folder of the most asked procedures)
    const folder = await caller.nextPrompt();
    assert.ok(folder.seconds > 5 && folder.rms > 500);
    caller.press("1"); // Pour un majeur : première demande
    const answer = await caller.nextPrompt();
    assert.ok(answer.seconds > 8 && answer.rms > 500, `${answer.seconds} s`);
    caller.press("0");
    const offer = await caller.nextPrompt();
    assert.ok(offer.seconds > 4);
    caller.press("1");
    const noted = await caller.nextPrompt();
    assert.ok(noted.seconds > 8);
    caller.press("5");
    const goodbye = await caller.nextPrompt();
    assert.ok(goodbye.seconds > 1 && goodbye.seconds < 8, `${goodbye.seconds} s`);
    assert.equal(await caller.ended, "hangup");
    await caller.session.closed();

    const call = await callRow(callSid);
    assert.equal(call.outcome, "callback");
    assert.ok(call.ended_at && call.case_id);
    assert.deepEqual(
      call.path.map((entry) => entry.step),
      [
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
      ],
    );
    const opened = await database.db
      .selectFrom("cases")
      .select(["channel", "contact_phone"])
      .where("id", "=", call.case_id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(opened, { channel: "phone", contact_phone: "+33612345678" });
    const survey = await database.db
      .selectFrom("feedback_answers")
      .select(["csat", "channel"])
      .where("case_id", "=", call.case_id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(survey, { csat: 5, channel: "phone" });
    assert.equal(latencies.length, 6);
    assert.ok(
      latencies.every((ms) => ms >= 0 && ms < 5_000),
      latencies.join(", "),
    );
  });

  it("hears a spoken question (end of speech detected), answers it, and stops talking when the caller cuts in", async () => {
    const callSid = newCallSid();
    const caller = createTestCaller({
      context,
      organisationId,
      tts,
      stt,
      callSid,
      from: "+33612345678",
      ackMarks: false,
    });
    caller.start();
    const greeting = await caller.nextPrompt();
    assert.ok(greeting.rms > 500);
    // The greeting is still "playing" (no mark came back): speech over it stops it ("clear").
    const question = await createEspeakTextToSpeech().synthesize(QUESTION);
    caller.speak(question, 1_200);
    const answer = await caller.nextPrompt();
    assert.equal(answer.cleared, true);
    assert.ok(answer.seconds > 8 && answer.rms > 500, `${answer.seconds} s`);
    // The recogniser got the utterance, about as long as it was said (pre-roll and pause trimmed).
    const utterance = (heard.at(-1) ?? 0) / 8_000;
    assert.ok(
      Math.abs(utterance - question.length / 8_000) < 0.8,
      `${utterance} s for ${question.length / 8_000} s`,
    );
    caller.press("*"); // cut in while the answer plays: "clear", then the answer again
    const again = await caller.nextPrompt();
    assert.equal(again.cleared, true);
    caller.hangUp();
    await caller.session.closed();
    const call = await callRow(callSid);
    assert.equal(call.outcome, "assistant");
    assert.ok(call.path.some((entry) => entry.step === "speech"));
    assert.deepEqual(
      call.path.find((entry) => entry.step === "reply"),
      { step: "reply", value: "answer", sources: ["F1367"] },
    );
  });

  it("ends cleanly with a record on a wrong codec, too many malformed frames, silence, or a caller who never hangs up", async () => {
    const sids = [newCallSid(), newCallSid(), newCallSid(), newCallSid()];
    const codec = createTestCaller({ context, organisationId, tts, stt: null, callSid: sids[0] as string });
    codec.start({ encoding: "audio/x-alaw" });
    assert.equal(await codec.ended, "failed");
    await codec.session.idle();

    const garbage = createTestCaller({ context, organisationId, tts, stt: null, callSid: sids[1] as string });
    garbage.start();
    await garbage.nextPrompt();
    garbage.raw("pas du JSON");
    garbage.raw(JSON.stringify({ event: "media", media: { payload: "***" } }));
    garbage.raw(JSON.stringify({ event: "dtmf", dtmf: { digit: "12" } }));
    garbage.press("2"); // still answers after a few bad frames
    assert.ok((await garbage.nextPrompt()).rms > 500);
    for (let i = 0; i < 60; i++) garbage.raw("{");
    assert.equal(await garbage.ended, "failed");
    await garbage.session.idle();

    const silent = createTestCaller({
      context,
      organisationId,
      tts,
      stt: null,
      callSid: sids[2] as string,
      silenceMs: 30,
    });
    silent.start();
    await silent.nextPrompt();
    const notHeard = await silent.nextPrompt();
    assert.ok(notHeard.seconds > 2);
    assert.equal(await silent.ended, "hangup");
    await silent.session.closed();

    const endless = createTestCaller({
      context,
      organisationId,
      tts,
      stt: null,
      callSid: sids[3] as string,
      maxCallMs: 400,
      silenceMs: 60_000,
    });
    endless.start();
    await endless.nextPrompt();
    assert.equal(await endless.ended, "hangup");
    await endless.session.closed();

    const rows = await database.db
      .selectFrom("calls")
      .select(["provider_call_id", "outcome", "ended_at", "state"])
      .where("provider_call_id", "in", sids)
      .execute();
    rows.sort((a, b) => sids.indexOf(a.provider_call_id) - sids.indexOf(b.provider_call_id));
    assert.deepEqual(
      rows.map((row) => [row.outcome, row.ended_at !== null, JSON.stringify(row.state)]),
      [
        ["failed", true, "{}"],
        ["failed", true, "{}"],
        ["abandoned", true, "{}"],
        ["abandoned", true, "{}"],
      ],
    );
  });

  it("survives a flood of keys without delaying a call running beside it", async () => {
    const flooded = createTestCaller({ context, organisationId, tts, stt: null, callSid: newCallSid() });
    const calm = createTestCaller({ context, organisationId, tts, stt: null, callSid: newCallSid() });
    flooded.start();
    calm.start();
    await Promise.all([flooded.nextPrompt(), calm.nextPrompt()]);
    for (let i = 0; i < 1_000; i++) flooded.press("*");
    calm.press("2");
    const calmPrompt = await calm.nextPrompt();
    assert.ok(calmPrompt.rms > 500);
    await flooded.session.idle();
    // At most a few of the thousand keys were taken as turns; the rest were dropped.
    assert.ok(flooded.prompts.length <= 6, `${flooded.prompts.length} prompts`);
    flooded.hangUp();
    calm.hangUp();
    await Promise.all([flooded.session.closed(), calm.session.closed()]);
  });
});
