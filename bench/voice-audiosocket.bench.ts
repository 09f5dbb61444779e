/**
 * Turn latency of phone calls from Asterisk over AudioSocket: 20 simulated Asterisk channels at once,
 * each streaming line audio every 20 ms over TCP like a live call, on the whole catalogue (PGlite in
 * .tmp/bench-pglite, or DATABASE_URL). A caller listens to 0.5–1.5 s of each prompt then cuts in with a
 * key (a folder of the top menu, its first page, back to the menu) or a spoken question (espeak-ng,
 * in real time; speech-to-text is a stand-in answering at once: the target excludes it).
 * Latency: the caller's key (or the end of speech, as the detector saw it) → the first audio frame
 * written back on the socket, real-time pacing included. Also: the pacing the callers heard.
 *
 *   npm run bench -- voice-audiosocket    BENCH_VOICE_CALLS=20 BENCH_VOICE_ROUNDS=3
 *   BENCH_VOICE_WARM=fixed (default, as at start-up) | greeting (the first slice's start-up) | none
 */
import { performance } from "node:perf_hooks";
import { startAudioSocketServer } from "../src/adapters/voice/audiosocket-server.ts";
import { cachedTextToSpeech } from "../src/adapters/voice/cached-tts.ts";
import { createEspeakTextToSpeech } from "../src/adapters/voice/espeak-tts.ts";
import { fixedSentences, warmSpeech } from "../src/adapters/voice/voice-engines.ts";
import type { TurnTiming } from "../src/adapters/voice/voice-session.ts";
import { buildTopMenu, type SpeechToText } from "../src/domains/channels/voice/index.ts";
import { ensureStandardQuestionnaires } from "../src/domains/feedback/index.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createLogger } from "../src/shared/logger.ts";
import { busiestWindow, connectAudioSocketCaller } from "../test/e2e/audiosocket-caller.ts";
import { openBenchApp, percentile, summary } from "./bench-app.ts";

const CALLS = Number(process.env.BENCH_VOICE_CALLS ?? 20);
const ROUNDS = Number(process.env.BENCH_VOICE_ROUNDS ?? 3);
const QUESTION = "Comment s'inscrire sur les listes électorales ?";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bench = await openBenchApp();
const organisationId = bench.deps.organisation.id;
await ensureStandardQuestionnaires(bench.handle.db, { organisationId, clock: systemClock });
// espeak-ng runs (cache misses) are timed: a miss is the one cost a turn may pay beyond the database.
const espeak = createEspeakTextToSpeech();
const synthesis: number[] = [];
const tts = cachedTextToSpeech({
  async synthesize(text, options) {
    const t = performance.now();
    const pcm = await espeak.synthesize(text, options);
    synthesis.push(performance.now() - t);
    return pcm;
  },
});
// As at start-up (voice-engines.ts): the sentences every call hears are spoken before the first call.
const warming = performance.now();
const warm = process.env.BENCH_VOICE_WARM ?? "fixed";
const fixed = fixedSentences("Ville de Démo");
await warmSpeech(tts, warm === "fixed" ? fixed : warm === "greeting" ? fixed.slice(0, 2) : []);
console.log(
  `warm-up "${warm}": ${synthesis.length} sentences spoken in ${(performance.now() - warming).toFixed(0)} ms`,
);
synthesis.length = 0;
const question = await createEspeakTextToSpeech().synthesize(QUESTION);
const stt: SpeechToText = { transcribe: async () => QUESTION };
const byInput = new Map<string, number[]>();
const timings: TurnTiming[] = [];
const menu = await buildTopMenu(
  { db: bench.handle.db, passages: bench.deps.assistant.passages },
  organisationId,
);
const folderKey = String(menu.items.findIndex((item) => item.folderId) + 1);

const server = await startAudioSocketServer({
  context: { assistant: bench.deps.assistant, organisationName: "Ville de Démo", transferTarget: null },
  organisationId,
  tts,
  stt,
  host: "127.0.0.1",
  port: 0,
  logger: createLogger({ level: "warn" }),
  onTurn: (turn) => {
    timings.push(turn);
    const list = byInput.get(turn.input) ?? [];
    list.push(turn.latencyMs);
    byInput.set(turn.input, list);
  },
});

const gaps: number[] = [];
let busiest = 0;
let faults = 0;

async function call() {
  const caller = await connectAudioSocketCaller({ port: server.port });
  const listen = () => caller.listen(500 + Math.random() * 1_000);
  caller.start();
  await listen();
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of [folderKey, "1", "1"]) {
      caller.press(key);
      await listen();
    }
    caller.speak(question);
    while (caller.speaking) await sleep(20);
    // The pause that ends the utterance (0.7 s), then the answer.
    await sleep(900);
    await listen();
    caller.press("1");
    await listen();
  }
  await caller.hangUp();
  const frames = caller.heard;
  for (let i = 1; i < frames.length; i++) {
    const gap = (frames[i]?.at ?? 0) - (frames[i - 1]?.at ?? 0);
    // Gaps between prompts (a turn, a caller speaking) are not pacing.
    if (gap < 100) gaps.push(gap);
  }
  busiest = Math.max(busiest, busiestWindow(frames));
  faults += caller.faults.length;
}

const cpu = process.cpuUsage();
const began = performance.now();
await Promise.all(Array.from({ length: CALLS }, () => call()));
const elapsed = performance.now() - began;
const used = process.cpuUsage(cpu);
console.log(
  `\n${CALLS} simultaneous AudioSocket calls, ${ROUNDS} rounds of 5 turns, ${(elapsed / 1000).toFixed(1)} s, CPU ${(((used.user + used.system) / 1000 / elapsed) * 100).toFixed(0)} % of one core (callers included); input → first audio frame written:`,
);
for (const [input, list] of byInput) summary(`  ${input}`, list);
summary("  every turn", [...byInput.values()].flat());
const tail = [...timings].sort((a, b) => b.latencyMs - a.latencyMs).slice(0, Math.ceil(timings.length / 20));
const mean = (pick: (t: TurnTiming) => number) =>
  (tail.reduce((sum, t) => sum + pick(t), 0) / Math.max(1, tail.length)).toFixed(0);
console.log(
  `  slowest 5 % (${tail.length} turns), on average: flow ${mean((t) => t.flowMs)} ms, waiting for speech ${mean((t) => t.speechMs)} ms, pacing ${mean((t) => t.waitMs)} ms; turns that waited > 50 ms for speech: ${timings.filter((t) => t.speechMs > 50).length}`,
);
summary("  espeak-ng (cache misses)", synthesis);
const sorted = [...gaps].sort((a, b) => a - b);
console.log(
  `  pacing heard by the callers: ${sorted.length} frame gaps, median ${percentile(sorted, 50).toFixed(1)} ms, p5 ${percentile(sorted, 5).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms; at most ${busiest} frames in 100 ms; ${faults} protocol faults`,
);
await server.close();
await bench.close();
