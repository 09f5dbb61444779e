/**
 * Voice figures. 1) Resampling espeak's 22 050 Hz to 8 kHz: in-band gain and what is left of a tone
 * above 4 kHz, windowed sinc vs linear interpolation, and the speed. 2) Turn latency of phone calls over
 * the media-stream session (no socket): from the caller's key or end of speech to the first audio frame
 * sent back, with 20 calls at once on the whole catalogue (PGlite in .tmp/bench-pglite, or DATABASE_URL).
 * Speech-to-text is a stand-in answering at once: the target excludes an external service.
 * Callers "listen" 0.2–1 s between turns (real ones listen to the whole prompt: this is heavier).
 *
 *   npm run bench -- voice            BENCH_VOICE_CALLS=20 BENCH_VOICE_ROUNDS=3
 */
import { performance } from "node:perf_hooks";
import { cachedTextToSpeech } from "../src/adapters/voice/cached-tts.ts";
import { createEspeakTextToSpeech } from "../src/adapters/voice/espeak-tts.ts";
import { resample, resampleLinear } from "../src/adapters/voice/resample.ts";
import { fixedSentences, warmSpeech } from "../src/adapters/voice/voice-engines.ts";
import { buildTopMenu, type SpeechToText, type VoiceContext } from "../src/domains/channels/voice/index.ts";
import { ensureStandardQuestionnaires } from "../src/domains/feedback/index.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createTestCaller } from "../test/e2e/voice-caller.ts";
import { openBenchApp, summary } from "./bench-app.ts";

const CALLS = Number(process.env.BENCH_VOICE_CALLS ?? 20);
const ROUNDS = Number(process.env.BENCH_VOICE_ROUNDS ?? 3);
const QUESTION = "Comment s'inscrire sur les listes électorales ?";

function tone(frequency: number, seconds: number): Int16Array {
  return Int16Array.from({ length: 22_050 * seconds }, (_, i) =>
    Math.round(10_000 * Math.sin((2 * Math.PI * frequency * i) / 22_050)),
  );
}

function db(output: Int16Array, input: Int16Array): string {
  const power = (s: Int16Array) =>
    s.subarray(200, s.length - 200).reduce((sum, v) => sum + v * v, 0) / (s.length - 400);
  const ratio = power(output) / power(input);
  return ratio === 0 ? "  -inf" : (10 * Math.log10(ratio)).toFixed(1).padStart(6);
}

function resamplingFigures() {
  console.log("resampling 22 050 → 8 000 Hz (gain in dB; a tone above 4 kHz should vanish, not fold back)");
  for (const frequency of [300, 1000, 3000, 3400, 4500, 6000, 9000]) {
    const input = tone(frequency, 1);
    console.log(
      `  ${String(frequency).padStart(5)} Hz   windowed sinc ${db(resample(input, 22_050, 8_000), input)} dB   linear ${db(resampleLinear(input, 22_050, 8_000), input)} dB`,
    );
  }
  const speech = tone(1000, 60);
  const t = performance.now();
  resample(speech, 22_050, 8_000);
  console.log(`  speed: one minute of audio in ${(performance.now() - t).toFixed(0)} ms`);
}

async function latencyFigures() {
  const bench = await openBenchApp();
  const organisationId = bench.deps.organisation.id;
  await ensureStandardQuestionnaires(bench.handle.db, { organisationId, clock: systemClock });
  const context: VoiceContext = {
    assistant: bench.deps.assistant,
    organisationName: "Ville de Démo",
    transferTarget: null,
  };
  const tts = cachedTextToSpeech(createEspeakTextToSpeech());
  // As at start-up (voice-engines.ts): the sentences every call hears are spoken before the first call.
  const warming = performance.now();
  await warmSpeech(tts, fixedSentences(context.organisationName));
  console.log(`prompt cache warmed in ${(performance.now() - warming).toFixed(0)} ms`);
  const espeak = createEspeakTextToSpeech();
  const question = await espeak.synthesize(QUESTION);
  const stt: SpeechToText = { transcribe: async () => QUESTION };
  const byInput = new Map<string, number[]>();
  const first: number[] = [];
  const run = `${Date.now().toString(16)}`;
  const menu = await buildTopMenu(
    { db: bench.handle.db, passages: bench.deps.assistant.passages },
    organisationId,
  );
  const folderKey = String(menu.items.findIndex((item) => item.folderId) + 1);

  async function call(index: number) {
    const caller = createTestCaller({
      context,
      organisationId,
      tts,
      stt,
      callSid: `CA${run}${String(index).padStart(32 - run.length, "0")}`,
      from: "+33612345678",
      logger: { info: () => undefined, warn: console.warn, error: console.error } as never,
      onTurn: (turn) => {
        const list = byInput.get(turn.input) ?? [];
        list.push(turn.latencyMs);
        byInput.set(turn.input, list);
        if (index === 0) first.push(turn.latencyMs);
      },
    });
    const listen = () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
    caller.start();
    await caller.nextPrompt();
    for (let round = 0; round < ROUNDS; round++) {
      // A folder of the top menu, its first page (an answer), back to the top menu.
      for (const key of [folderKey, "1", "1"]) {
        await listen();
        caller.press(key);
        await caller.nextPrompt();
      }
      await listen();
      caller.speak(question, 800);
      await caller.nextPrompt();
      await listen();
      caller.press("1");
      await caller.nextPrompt();
    }
    caller.hangUp();
    await caller.session.closed();
  }

  const began = performance.now();
  await Promise.all(Array.from({ length: CALLS }, (_, i) => call(i)));
  const all = [...byInput.values()].flat();
  console.log(
    `\n${CALLS} simultaneous calls, ${ROUNDS} rounds of 5 turns each, ${(performance.now() - began) / 1000} s; input → first audio frame:`,
  );
  for (const [input, list] of byInput) summary(`  ${input}`, list);
  summary("  every turn", all);
  summary("  call 0", first);
  await bench.close();
}

resamplingFigures();
await latencyFigures();
