/**
 * Calls from Asterisk over AudioSocket (TCP), with real audio: a simulated Asterisk streams line audio
 * every 20 ms, speaks a question made by espeak-ng, types keys, and checks what comes back — 320-byte
 * frames of non-silent 8 kHz speech, written in real time (N frames take about N × 20 ms, no burst),
 * of a plausible length — and the call records and the call-back case in the database. Then hostile
 * peers: garbage, unknown kinds, an oversized length, audio before the call id, a flood of keys,
 * another sample rate, silence, a peer that never hangs up, a dropped line — each call ends cleanly
 * with its record while a call beside them goes on, paced as before.
 */
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { after, before, describe, it } from "node:test";
import {
  type AudioSocketServer,
  startAudioSocketServer,
} from "../../src/adapters/voice/audiosocket-server.ts";
import { cachedTextToSpeech } from "../../src/adapters/voice/cached-tts.ts";
import { createEspeakTextToSpeech } from "../../src/adapters/voice/espeak-tts.ts";
import { fixedSentences, warmSpeech } from "../../src/adapters/voice/voice-engines.ts";
import { createAssistantContext } from "../../src/domains/assistant/index.ts";
import type { SpeechToText, TextToSpeech, VoiceContext } from "../../src/domains/channels/voice/index.ts";
import { ensureStandardQuestionnaires } from "../../src/domains/feedback/index.ts";
import { ensureOrganisation } from "../../src/domains/identity/index.ts";
import { createSearchEngine } from "../../src/domains/knowledge/search/create-search-engine.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { insertPackageFiches } from "../factories/a-fiche.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";
import { busiestWindow, connectAudioSocketCaller, type HeardPrompt } from "./audiosocket-caller.ts";
import { rms } from "./voice-caller.ts";

const FICHES = [
  ...["N358", "F1341", "F21089", "F1344", "F1759", "N360", "F14929", "F21091", "F21246", "F21247"],
  ...["N47", "F1367", "F1961", "F1372", "F1937"],
];
/** Saturday 14 March 2026, 10:00 in Paris: closed. */
const SATURDAY = new Date("2026-03-14T09:00:00Z");
const QUESTION = "Comment s'inscrire sur les listes électorales ?";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Written in real time: n frames span (n − 1) × 20 ms, never less (that would be a burst Asterisk
 * plays too fast or drops). Later is a stall of the machine, not the pacing: the tests share two
 * cores with others, and on PGlite the queries of a dozen calls set up at once hold the event loop.
 */
function assertPaced(prompt: HeardPrompt, label: string) {
  const n = prompt.frames.length;
  assert.ok(n >= 10, `${label}: ${n} frames`);
  const span = prompt.lastAt - prompt.firstAt;
  const expected = (n - 1) * 20;
  assert.ok(
    span >= expected * 0.9 && span <= expected * 1.5 + 500,
    `${label}: ${n} frames in ${span.toFixed(0)} ms`,
  );
  assert.ok(
    busiestWindow(prompt.frames) <= 7,
    `${label}: ${busiestWindow(prompt.frames)} frames within 100 ms`,
  );
}

describe("voice calls from Asterisk over AudioSocket (real audio)", () => {
  let database: TestDatabase;
  let context: VoiceContext;
  let organisationId: string;
  const servers: AudioSocketServer[] = [];
  let keypad: AudioSocketServer;
  let speaking: AudioSocketServer;
  let short: AudioSocketServer;
  let endless: AudioSocketServer;
  const clock = fixedClock(SATURDAY);
  const logger = createLogger({ level: "silent" });
  const tts = cachedTextToSpeech(createEspeakTextToSpeech());
  const turns: { input: string; latencyMs: number }[] = [];
  const heard: number[] = [];
  const stt: SpeechToText = {
    transcribe: async (pcm) => {
      heard.push(pcm.length);
      return rms(pcm) > 300 ? QUESTION : null;
    },
  };
  // For the limits: a tenth of a second of tone per sentence, so a menu takes a second, not twenty.
  const beep = Int16Array.from({ length: 800 }, (_, i) => Math.round(8_000 * Math.sin(i / 3)));
  const beeps: TextToSpeech = { synthesize: async () => beep };

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
    const base = { context, organisationId, host: "127.0.0.1", port: 0, logger };
    keypad = await startAudioSocketServer({ ...base, tts, stt: null, onTurn: (turn) => turns.push(turn) });
    speaking = await startAudioSocketServer({ ...base, tts, stt });
    short = await startAudioSocketServer({ ...base, tts: beeps, stt: null, silenceMs: 50 });
    endless = await startAudioSocketServer({
      ...base,
      tts: beeps,
      stt: null,
      silenceMs: 60_000,
      maxCallMs: 1_000,
      limits: { hangupGraceMs: 200, uuidTimeoutMs: 500 },
    });
    servers.push(keypad, speaking, short, endless);
    // As at start-up: the fixed sentences spoken, and one call through (the first queries of a fresh
    // PGlite hold the event loop long enough to stall the audio; what is measured here is the pacing).
    await warmSpeech(tts, fixedSentences("Ville de Démo"));
    const first = await connectAudioSocketCaller({ port: keypad.port });
    first.start();
    await first.listen(500);
    first.press("1");
    await first.listen(500);
    await first.hangUp();
    turns.length = 0;
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database.close();
  });

  const callRow = (id: string) =>
    database.db.selectFrom("calls").selectAll().where("provider_call_id", "=", id).executeTakeFirstOrThrow();

  it("takes a keypad call: paced 320-byte frames of speech, a call-back case, the survey, the record", async () => {
    const caller = await connectAudioSocketCaller({ port: keypad.port });
    const dialled = performance.now();
    caller.start();
    // The caller knows what they want: they cut in after a second and a half of the greeting.
    const greeting = await caller.listen(1_500);
    assert.ok(
      greeting.firstAt - dialled < 1_000,
      `greeting after ${(greeting.firstAt - dialled).toFixed(0)} ms`,
    );
    assert.ok(greeting.rms > 500, `rms ${greeting.rms}`);
    assertPaced(greeting, "greeting");
    caller.press("0"); // an agent: the town hall is closed, a call-back is offered (no number on AudioSocket)
    const askNumber = await caller.listen(1_200);
    assert.ok(askNumber.rms > 500 && askNumber.seconds > 0.8, `${askNumber.seconds} s, rms ${askNumber.rms}`);
    caller.press("0612345678#");
    const noted = await caller.listen(1_500);
    assert.ok(noted.rms > 500 && noted.seconds > 1);
    caller.press("5");
    // The thanks and goodbye are heard to the end: a few seconds, then the server hangs up.
    const goodbye = await caller.nextPrompt();
    assert.ok(goodbye.seconds > 1.5 && goodbye.seconds < 7, `${goodbye.seconds} s`);
    assert.ok(goodbye.rms > 500);
    assertPaced(goodbye, "goodbye");
    assert.deepEqual(await caller.closed.then((c) => c.hangup), true);
    assert.deepEqual(caller.faults, []);

    const call = await callRow(caller.id);
    assert.equal(call.provider, "audiosocket");
    assert.equal(call.outcome, "callback");
    assert.ok(call.ended_at && call.case_id);
    const steps = call.path.map((entry) => entry.step);
    const order = ["start", "agent", "callback", "survey", "end"].map((step) => steps.indexOf(step));
    assert.ok(
      order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0))),
      steps.join(", "),
    );
    const opened = await database.db
      .selectFrom("cases")
      .select(["channel", "contact_phone"])
      .where("id", "=", call.case_id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(opened, { channel: "phone", contact_phone: "0612345678" });
    const survey = await database.db
      .selectFrom("feedback_answers")
      .select("csat")
      .where("case_id", "=", call.case_id)
      .executeTakeFirstOrThrow();
    assert.equal(survey.csat, 5);
    // Input → first frame written, measured by the server: start and three keys.
    assert.equal(turns.length, 4);
    assert.ok(
      turns.every((turn) => turn.latencyMs >= 0 && turn.latencyMs < 2_000),
      turns.map((t) => t.latencyMs.toFixed(0)).join(", "),
    );
  });

  it("stops talking when the caller speaks, hears the question to its end, and answers it", async () => {
    const caller = await connectAudioSocketCaller({ port: speaking.port });
    caller.start();
    const greeting = await caller.listen(800);
    assert.ok(greeting.rms > 500);
    const question = await createEspeakTextToSpeech().synthesize(QUESTION);
    const spokeAt = performance.now();
    caller.speak(question);
    while (caller.speaking) await sleep(20);
    const saidAt = caller.lastSpeechAt;
    // While the caller speaks the bot is silent (barge-in within a few frames of the first words).
    const overSpeech = caller.heard.filter((frame) => frame.at > spokeAt + 300 && frame.at < saidAt);
    assert.equal(overSpeech.length, 0, `${overSpeech.length} frames over the caller's speech`);
    await caller.listen(0);
    const answer = await caller.listen(2_500);
    assert.ok(answer.rms > 500 && answer.seconds > 0.5, `${answer.seconds} s, rms ${answer.rms}`);
    // End of speech is a 0.7 s pause; the answer follows it at once (no real speech-to-text here).
    const first = caller.firstFrameAfter(saidAt);
    assert.ok(
      first && first.at - saidAt < 700 + 1_000,
      `answer ${(first?.at ?? 0) - saidAt} ms after speech`,
    );
    const utterance = (heard.at(-1) ?? 0) / 8_000;
    assert.ok(
      Math.abs(utterance - question.length / 8_000) < 0.8,
      `${utterance} s heard for ${question.length / 8_000} s said`,
    );
    await caller.hangUp();
    await sleep(100);
    const call = await callRow(caller.id);
    assert.equal(call.outcome, "assistant");
    assert.ok(call.ended_at);
    assert.deepEqual(
      call.path.find((entry) => entry.step === "reply"),
      { step: "reply", value: "answer", sources: ["F1367"] },
    );
    assert.deepEqual(caller.faults, []);
  });

  it("ends hostile calls cleanly with their records, while a call beside them goes on paced", async () => {
    const calm = await connectAudioSocketCaller({ port: keypad.port });
    calm.start();
    await calm.listen(300);
    const turnsBefore = turns.length;

    async function hostile(
      port: number,
      act: (caller: Awaited<ReturnType<typeof connectAudioSocketCaller>>) => Promise<void>,
      options: { halfOpen?: boolean } = {},
    ) {
      const caller = await connectAudioSocketCaller({ port, ...options });
      await act(caller);
      const closed = await Promise.race([caller.closed, sleep(8_000).then(() => null)]);
      assert.ok(closed, `call ${caller.id} still open`);
      return caller;
    }

    const [
      garbage,
      unknown,
      oversized,
      early,
      noId,
      flood,
      codec,
      peerError,
      dropped,
      silent,
      neverHangs,
      torrent,
    ] = await Promise.all([
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        c.raw(Buffer.from("GET / HTTP/1.1\r\nHost: guichet\r\n\r\n"));
      }),
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        for (let i = 0; i < 3; i++) c.raw(c.message(0x42, Buffer.from("abcd")));
        c.raw(c.message(0x03, Buffer.from("123")));
        c.raw(c.message(0x01, Buffer.alloc(16)));
        c.press("2"); // still answers after a few bad messages
        const prompt = await c.listen(1_000);
        assert.ok(prompt.rms > 500, "answers after a few bad messages");
        for (let i = 0; i < 60; i++) c.raw(c.message(0x42, Buffer.from("abcd")));
      }),
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        c.raw(Buffer.from([0x10, 0xff, 0xff, 1, 2, 3]));
      }),
      hostile(keypad.port, async (c) => {
        for (let i = 0; i < 10; i++) c.raw(c.message(0x10, Buffer.alloc(320)));
        c.start();
        const prompt = await c.listen(800);
        assert.ok(prompt.rms > 500, "the call goes on once identified");
        await c.hangUp();
      }),
      hostile(keypad.port, async (c) => {
        for (let i = 0; i < 60; i++) c.raw(c.message(0x10, Buffer.alloc(320)));
      }),
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        c.press("*".repeat(1_000));
        await c.listen(1_500);
        await c.hangUp();
      }),
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        c.raw(c.message(0x12, Buffer.alloc(640)));
      }),
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        c.raw(c.message(0xff, Buffer.from([2])));
      }),
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        await c.drop();
      }),
      hostile(short.port, async (c) => {
        c.start();
      }),
      hostile(
        endless.port,
        async (c) => {
          c.start();
        },
        { halfOpen: true },
      ),
      hostile(keypad.port, async (c) => {
        c.start();
        await c.listen(300);
        // Ten seconds of audio in one go: far ahead of the clock.
        for (let i = 0; i < 500; i++) c.raw(c.message(0x10, Buffer.alloc(320, 7)));
      }),
    ]);

    // The calm call, all along: its greeting went on paced while the others were ended, and it still
    // answers a key.
    const during = await calm.listen(0);
    assert.ok(during.rms > 500);
    assertPaced(during, "calm call beside the hostile ones");
    calm.press("2");
    const prompt = await calm.listen(1_500);
    assert.ok(prompt.rms > 500 && prompt.seconds > 0.5, `${prompt.seconds} s`);
    assert.ok(busiestWindow(calm.heard) <= 7, `calm call: ${busiestWindow(calm.heard)} frames within 100 ms`);
    assert.ok(
      turns.slice(turnsBefore).every((turn) => turn.latencyMs < 2_000),
      turns
        .slice(turnsBefore)
        .map((t) => t.latencyMs.toFixed(0))
        .join(", "),
    );
    await calm.hangUp();
    assert.deepEqual(calm.faults, []);

    // The server hung up on the peers it ended; the peer that never hung up was cut off.
    for (const caller of [garbage, unknown, oversized, noId, codec, silent, neverHangs, torrent])
      assert.equal(caller.hangupReceived, true, `hang-up sent to ${caller.id}`);
    assert.ok(silent.heard.length > 0 && neverHangs.heard.length > 0);

    await sleep(200);
    const ids = [
      garbage,
      unknown,
      oversized,
      early,
      flood,
      codec,
      peerError,
      dropped,
      silent,
      neverHangs,
      torrent,
    ].map((c) => c.id);
    const rows = await database.db
      .selectFrom("calls")
      .select(["provider_call_id", "outcome", "ended_at", "state", "turns"])
      .where("provider_call_id", "in", [...ids, noId.id])
      .execute();
    rows.sort((a, b) => ids.indexOf(a.provider_call_id) - ids.indexOf(b.provider_call_id));
    assert.deepEqual(
      rows.map((row) => [row.outcome, row.ended_at !== null, JSON.stringify(row.state)]),
      [
        ["failed", true, "{}"], // not AudioSocket
        ["failed", true, "{}"], // too many unknown kinds
        ["failed", true, "{}"], // oversized length
        ["abandoned", true, "{}"], // audio before its id, then hung up
        ["abandoned", true, "{}"], // a flood of keys (menus only)
        ["failed", true, "{}"], // 16 kHz audio
        ["abandoned", true, "{}"], // Asterisk reported an error
        ["abandoned", true, "{}"], // dropped line
        ["abandoned", true, "{}"], // silence
        ["abandoned", true, "{}"], // never hangs up
        ["failed", true, "{}"], // audio far faster than real time
      ],
    );
    // A flood of a thousand keys is a handful of turns; a peer that never said who it is has no call.
    assert.ok((rows[4]?.turns ?? 99) <= 8, `${rows[4]?.turns} turns`);
    const silentCall = await callRow(silent.id);
    assert.deepEqual(silentCall.path.filter((entry) => entry.step === "silence").length, 2);
  });
});
