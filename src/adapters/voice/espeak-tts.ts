/**
 * Offline French speech with espeak-ng (Debian package `espeak-ng`): the text goes in on stdin (never
 * as an argument, so it cannot be read as an option), a WAV at 22 050 Hz comes out on stdout, and is
 * resampled here to 8 kHz for telephony, a slice at a time (the event loop stays free). Bounded in
 * time and in parallel runs; a typed failure else.
 */
import { spawn } from "node:child_process";
import type { TextToSpeech } from "../../domains/channels/voice/index.ts";
import { VOICE_SAMPLE_RATE } from "../../domains/channels/voice/index.ts";
import { resampleYielding } from "./resample.ts";
import { parseWav, toMono } from "./wav.ts";

export class TextToSpeechError extends Error {
  override name = "TextToSpeechError";
  constructor(
    readonly reason: "timeout" | "failed" | "bad_audio" | "missing_engine",
    message: string,
  ) {
    super(message);
  }
}

export type EspeakOptions = {
  /** espeak-ng binary (default: from PATH). */
  command?: string;
  voice?: string;
  /** Words per minute. */
  rate?: number;
  timeoutMs?: number;
  /** Runs at once; more wait their turn (2 cores shared with everything else). */
  maxParallel?: number;
};

/** The longest text spoken in one piece; longer replies were already shortened for the ear. */
const MAX_TEXT = 4_000;
const MAX_OUTPUT_BYTES = 20 * 1024 * 1024;

function limiter(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

function runEspeak(
  options: Required<Omit<EspeakOptions, "maxParallel">>,
  text: string,
  signal?: AbortSignal,
) {
  return new Promise<Uint8Array>((resolve, reject) => {
    const child = spawn(
      options.command,
      ["-v", options.voice, "-s", String(options.rate), "-b", "1", "--stdout", "--stdin"],
      { stdio: ["pipe", "pipe", "ignore"], signal },
    );
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new TextToSpeechError("timeout", `espeak-ng took more than ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) child.kill("SIGKILL");
      else chunks.push(chunk);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === "ENOENT"
          ? new TextToSpeechError("missing_engine", "espeak-ng is not installed (Debian package espeak-ng)")
          : new TextToSpeechError("failed", error.message),
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new TextToSpeechError("failed", `espeak-ng exited with ${code}`));
      else resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(text);
  });
}

export function createEspeakTextToSpeech(options: EspeakOptions = {}): TextToSpeech {
  const settings = {
    command: options.command ?? "espeak-ng",
    voice: options.voice ?? "fr",
    rate: options.rate ?? 160,
    timeoutMs: options.timeoutMs ?? 5_000,
  };
  const limit = limiter(options.maxParallel ?? 4);
  return {
    async synthesize(text, call = {}) {
      const clean = text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
      if (clean === "") return new Int16Array(0);
      const wav = await limit(() => runEspeak(settings, clean, call.signal));
      let audio: ReturnType<typeof parseWav>;
      try {
        audio = parseWav(wav);
      } catch (error) {
        throw new TextToSpeechError("bad_audio", (error as Error).message);
      }
      // In slices: other calls' audio keeps its pace while a long answer is converted.
      return resampleYielding(toMono(audio), audio.sampleRate, VOICE_SAMPLE_RATE);
    },
  };
}
