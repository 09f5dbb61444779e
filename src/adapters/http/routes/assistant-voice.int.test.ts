/**
 * The browser voicebot's API on a real database with real fiches: a question said by espeak-ng goes to
 * a local speech-to-text stand-in (OpenAI /audio/transcriptions protocol) that returns a fixed
 * transcript; the assistant answers with its sources; the reply comes back spoken by espeak-ng as a
 * WAV. Bad recordings, unknown conversations and other sites are refused in French, storing nothing.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { type Logger, pino } from "pino";
import { espeakMissing, spokenWav, toneWav } from "../../../../test/e2e/assistant-voice-audio.ts";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import {
  type OpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from "../../../../test/helpers/openai-compatible-server.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { CONVERSATION_NOT_FOUND_MESSAGE } from "../../../domains/assistant/index.ts";
import { cachedTextToSpeech } from "../../voice/cached-tts.ts";
import { createEspeakTextToSpeech } from "../../voice/espeak-tts.ts";
import { createOpenAiSpeechToText } from "../../voice/openai-stt.ts";
import { encodeWav, parseWav } from "../../voice/wav.ts";
import { AUDIO_MESSAGES } from "./assistant-voice-audio.ts";

const skip = espeakMissing();
const TOWN = "https://www.ville-demo.fr";
const QUESTION = "Comment s'inscrire sur les listes électorales ?";
const FICHES = ["N358", "F1341", "F21089", "F1367", "F1961", "N47"];

type Turn = {
  transcript: string;
  reply: { messageId: string; kind: string; text: string; sources: { id: string; url: string }[] };
  audio: string;
};

/** A WAV header claiming this format, followed by `dataBytes` of a tone. */
function wavWith(format: { channels: number; bits: number; rate: number }, dataBytes = 32_000): Uint8Array {
  const tone = toneWav(dataBytes / 2 / 16_000);
  const copy = new Uint8Array(tone);
  const view = new DataView(copy.buffer);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.rate, true);
  view.setUint16(34, format.bits, true);
  return copy;
}

function loudness(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe("browser voicebot API (/api/v1/conversations/:id/audio)", { skip }, () => {
  let t: TestApp;
  let stt: OpenAiCompatibleServer;
  const logLines: string[] = [];
  const question = skip ? new Uint8Array() : spokenWav(QUESTION, { silenceAfter: 0.5 });

  async function start(): Promise<string> {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/conversations", payload: {} });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { id: string }).id;
  }

  function postAudio(id: string, body: Uint8Array | string, headers: Record<string, string> = {}) {
    return t.app.inject({
      method: "POST",
      url: `/api/v1/conversations/${id}/audio`,
      headers: { "content-type": "audio/wav", origin: TOWN, ...headers },
      payload: Buffer.from(body),
    });
  }

  async function storedMessages(): Promise<number> {
    const row = await t.database.db
      .selectFrom("conversation_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  before(async () => {
    stt = await startOpenAiCompatibleServer({ transcript: { kind: "text", text: ` ${QUESTION} ` } });
    const logger = pino({ level: "info" }, { write: (line: string) => logLines.push(line) }) as Logger;
    t = await createTestApp({
      env: { PUBLIC_URL: "http://guichet.test", ASSISTANT_ALLOWED_ORIGINS: TOWN },
      deps: {
        logger,
        voice: {
          tts: cachedTextToSpeech(createEspeakTextToSpeech()),
          stt: createOpenAiSpeechToText({ baseUrl: stt.url, model: "whisper-test" }),
        },
      },
    });
    await insertPackageFiches(t.database.db, t.deps.organisation.id, FICHES);
  });
  beforeEach(async () => {
    stt.transcribeWith({ kind: "text", text: ` ${QUESTION} ` });
    await t.database.db.deleteFrom("public_form_hits").execute();
  });
  after(async () => {
    await t?.close();
    await stt?.stop();
  });

  it("says where voice input is available: here, through the service's speech-to-text", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/voice", headers: { origin: TOWN } });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { input: true, browserSpeech: false });
    assert.equal(response.headers["access-control-allow-origin"], TOWN);
  });

  it("answers a spoken question like a typed one: transcript, reply with its source, audio address", async () => {
    const id = await start();
    const uploads = stt.transcriptions.length;
    const response = await postAudio(id, question);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers["access-control-allow-origin"], TOWN);
    const turn = response.json() as Turn;
    assert.equal(turn.transcript, QUESTION);
    assert.equal(turn.reply.kind, "answer");
    assert.equal(turn.reply.sources[0]?.id, "F1367");
    assert.equal(turn.reply.sources[0]?.url, "http://guichet.test/fiches/F1367");
    assert.equal(turn.audio, `/api/v1/conversations/${id}/audio/${turn.reply.messageId}.wav`);

    // The speech-to-text service got the recording as telephone-rate audio, of the same length.
    assert.equal(stt.transcriptions.length, uploads + 1);
    const upload = stt.transcriptions.at(-1);
    assert.equal(upload?.path, "/v1/audio/transcriptions");
    assert.equal(upload?.fields.model, "whisper-test");
    assert.equal(upload?.fields.language, "fr");
    const sent = parseWav(upload?.file as Uint8Array);
    const original = parseWav(question);
    assert.equal(sent.sampleRate, 8_000);
    assert.ok(Math.abs(sent.samples.length / 8_000 - original.samples.length / 16_000) < 0.01);

    // The words heard are the citizen's message in the thread, as if typed.
    const thread = await t.app.inject({ method: "GET", url: `/api/v1/conversations/${id}/messages` });
    const messages = (thread.json() as { messages: { author: string; text: string; id: string }[] }).messages;
    assert.deepEqual(
      messages.map((m) => [m.author, m.text]),
      [
        ["citizen", QUESTION],
        ["assistant", turn.reply.text],
      ],
    );

    // Logs carry ids and durations, never what was said.
    const log = logLines.find((line) => line.includes('"assistant voice turn"'));
    assert.ok(log, "a log line for the turn");
    assert.match(log, new RegExp(turn.reply.messageId));
    assert.match(log, /"seconds":\d/);
    for (const line of logLines) assert.doesNotMatch(line, /listes électorales|inscrire/);
  });

  it("speaks the reply as a WAV (8 kHz, mono, not silent), in byte ranges, only for its conversation", async () => {
    const id = await start();
    const turn = (await postAudio(id, question)).json() as Turn;
    const response = await t.app.inject({ method: "GET", url: turn.audio, headers: { origin: TOWN } });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers["content-type"], "audio/wav");
    assert.equal(response.headers["cross-origin-resource-policy"], "cross-origin");
    assert.match(response.headers["cache-control"] as string, /private, max-age=\d+/);
    const wav = parseWav(new Uint8Array(response.rawPayload));
    assert.equal(wav.sampleRate, 8_000);
    assert.equal(wav.channels, 1);
    const seconds = wav.samples.length / 8_000;
    assert.ok(seconds > 2 && seconds < 40, `${seconds} s`);
    assert.ok(loudness(wav.samples) > 500, `RMS ${loudness(wav.samples)}`);

    const range = await t.app.inject({ method: "GET", url: turn.audio, headers: { range: "bytes=0-43" } });
    assert.equal(range.statusCode, 206);
    assert.equal(range.headers["content-range"], `bytes 0-43/${response.rawPayload.length}`);
    assert.equal(range.rawPayload.subarray(0, 4).toString("latin1"), "RIFF");

    // The same reply asked under another conversation, or a citizen's message, is not found.
    const other = await start();
    const foreign = await t.app.inject({
      method: "GET",
      url: `/api/v1/conversations/${other}/audio/${turn.reply.messageId}.wav`,
    });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error.message, "Cette réponse n'existe pas dans cette conversation.");
    const thread = await t.app.inject({ method: "GET", url: `/api/v1/conversations/${id}/messages` });
    const citizen = (thread.json() as { messages: { author: string; id: string }[] }).messages.find(
      (m) => m.author === "citizen",
    );
    const own = await t.app.inject({
      method: "GET",
      url: `/api/v1/conversations/${id}/audio/${citizen?.id}.wav`,
    });
    assert.equal(own.statusCode, 404);
    const junk = await t.app.inject({ method: "GET", url: `/api/v1/conversations/${id}/audio/passwd.wav` });
    assert.equal(junk.statusCode, 404);
  });

  it("refuses what is not a short mono PCM WAV, in French, without calling speech-to-text or storing", async () => {
    const id = await start();
    const uploads = stt.transcriptions.length;
    const stored = await storedMessages();
    const cases: {
      name: string;
      send: () => ReturnType<typeof postAudio>;
      status: number;
      message: string;
    }[] = [
      {
        name: "JSON",
        send: () => postAudio(id, JSON.stringify({ text: QUESTION }), { "content-type": "application/json" }),
        status: 415,
        message: AUDIO_MESSAGES.type,
      },
      {
        name: "Ogg",
        send: () => postAudio(id, question, { "content-type": "audio/ogg" }),
        status: 415,
        message: AUDIO_MESSAGES.type,
      },
      {
        name: "3 MB",
        send: () => postAudio(id, new Uint8Array(3 * 1024 * 1024)),
        status: 413,
        message: AUDIO_MESSAGES.tooBig,
      },
      { name: "60 s", send: () => postAudio(id, toneWav(60)), status: 413, message: AUDIO_MESSAGES.tooLong },
      {
        name: "garbage",
        send: () =>
          postAudio(
            id,
            new Uint8Array(40_000).map((_, i) => (i * 7919) % 251),
          ),
        status: 400,
        message: AUDIO_MESSAGES.unreadable,
      },
      {
        name: "stereo",
        send: () => postAudio(id, wavWith({ channels: 2, bits: 16, rate: 16_000 })),
        status: 415,
        message: AUDIO_MESSAGES.format,
      },
      {
        name: "8 bits",
        send: () => postAudio(id, wavWith({ channels: 1, bits: 8, rate: 16_000 })),
        status: 415,
        message: AUDIO_MESSAGES.format,
      },
      {
        name: "96 kHz",
        send: () => postAudio(id, wavWith({ channels: 1, bits: 16, rate: 96_000 })),
        status: 415,
        message: AUDIO_MESSAGES.format,
      },
      {
        name: "silence",
        send: () => postAudio(id, encodeWav(new Int16Array(32_000), 16_000)),
        status: 400,
        message: AUDIO_MESSAGES.nothingHeard,
      },
      {
        name: "unknown conversation",
        send: () => postAudio("AAAAAAAAAAAAAAAAAAAAAAAA", question),
        status: 404,
        message: CONVERSATION_NOT_FOUND_MESSAGE,
      },
      {
        name: "other site",
        send: () => postAudio(id, question, { origin: "https://pirate.example" }),
        status: 403,
        message: "Ce site n'est pas autorisé à envoyer des messages vocaux à l'assistant de la mairie.",
      },
    ];
    for (const c of cases) {
      const response = await c.send();
      assert.equal(response.statusCode, c.status, `${c.name}: ${response.body}`);
      assert.equal(response.json().error.message, c.message, c.name);
      if (c.name === "other site") assert.equal(response.headers["access-control-allow-origin"], undefined);
    }
    assert.equal(stt.transcriptions.length, uploads, "speech-to-text never called");
    assert.equal(await storedMessages(), stored, "nothing stored");
  });

  it("says so when nothing was understood (empty transcript, service error), storing nothing", async () => {
    const id = await start();
    const stored = await storedMessages();
    for (const behaviour of [
      { kind: "text", text: "  " },
      { kind: "status", status: 500 },
    ] as const) {
      stt.transcribeWith(behaviour);
      const response = await postAudio(id, question);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.message, AUDIO_MESSAGES.notUnderstood);
    }
    assert.equal(await storedMessages(), stored);
  });

  it("without speech-to-text: 503 saying voice input is not available here; the town may allow the browser's", async () => {
    const plain = await createTestApp({
      database: t.database,
      env: { ASSISTANT_ALLOWED_ORIGINS: TOWN, VOICE_BROWSER_SPEECH: "on" },
    });
    try {
      const voice = await plain.app.inject({ method: "GET", url: "/api/v1/voice" });
      assert.deepEqual(voice.json(), { input: false, browserSpeech: true });
      const id = (
        await plain.app.inject({ method: "POST", url: "/api/v1/conversations", payload: {} })
      ).json().id;
      const response = await plain.app.inject({
        method: "POST",
        url: `/api/v1/conversations/${id}/audio`,
        headers: { "content-type": "audio/wav", origin: TOWN },
        payload: Buffer.from(question),
      });
      assert.equal(response.statusCode, 503);
      assert.equal(response.json().error.code, "UNAVAILABLE");
      assert.equal(response.json().error.message, AUDIO_MESSAGES.unavailable);
    } finally {
      await plain.app.close();
    }
  });

  it("documents both routes in the OpenAPI document, with the very reply of the messages endpoint", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
    const post = doc.paths["/api/v1/conversations/{id}/audio"].post;
    assert.ok(post.requestBody.content["audio/wav"]);
    const voiceReply = post.responses["200"].content["application/json"].schema.properties.reply;
    const messagesReply =
      doc.paths["/api/v1/conversations/{id}/messages"].post.responses["200"].content["application/json"]
        .schema.properties.reply;
    assert.deepEqual(voiceReply, messagesReply);
    assert.ok(doc.paths["/api/v1/conversations/{id}/audio/{messageId}.wav"].get);
    assert.ok(doc.paths["/api/v1/voice"].get);
  });

  it("on the /assistant page: a spoken question joins the page's own conversation (cookie) and is spoken back", async () => {
    const page = await t.app.inject({ method: "GET", url: "/assistant" });
    assert.match(page.body, /<script src="\/assistant\/voix\.js" defer>/);
    const script = await t.app.inject({ method: "GET", url: "/assistant/voix.js" });
    assert.equal(script.statusCode, 200);
    assert.match(script.headers["content-type"] as string, /^text\/javascript/);
    assert.match(script.body, /assistant\/voix/);

    const first = await t.app.inject({
      method: "POST",
      url: "/assistant/voix",
      headers: { "content-type": "audio/wav", origin: "http://guichet.test" },
      payload: Buffer.from(question),
    });
    assert.equal(first.statusCode, 200, first.body);
    const cookie = first.cookies.find((c) => c.name === "guichet_conversation");
    assert.ok(cookie?.httpOnly);
    const turn = first.json() as Turn;
    assert.equal(turn.transcript, QUESTION);
    assert.equal(turn.audio, `/assistant/voix/${turn.reply.messageId}.wav`);
    assert.doesNotMatch(first.body, new RegExp(cookie.value), "the script never sees the conversation id");

    const shown = await t.app.inject({
      method: "GET",
      url: "/assistant",
      cookies: { guichet_conversation: cookie.value },
    });
    assert.match(shown.body, /listes électorales/);
    assert.match(shown.body, new RegExp(`id="m-${turn.reply.messageId}"`));

    const audio = await t.app.inject({
      method: "GET",
      url: turn.audio,
      cookies: { guichet_conversation: cookie.value },
    });
    assert.equal(audio.statusCode, 200);
    assert.equal(parseWav(new Uint8Array(audio.rawPayload)).sampleRate, 8_000);
    const stranger = await t.app.inject({ method: "GET", url: turn.audio });
    assert.equal(stranger.statusCode, 404);

    const foreign = await t.app.inject({
      method: "POST",
      url: "/assistant/voix",
      headers: { "content-type": "audio/wav", origin: "https://pirate.example" },
      cookies: { guichet_conversation: cookie.value },
      payload: Buffer.from(question),
    });
    assert.equal(foreign.statusCode, 403);
    assert.match(foreign.json().error.message, /depuis un autre site/);
  });
});
