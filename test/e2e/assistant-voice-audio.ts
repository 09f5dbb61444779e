/**
 * Real speech for the browser voicebot's tests: French said by espeak-ng (Debian package), as the
 * browser would upload it (16-bit mono WAV, 16 kHz by default), with silence around it if asked.
 */
import { execFileSync } from "node:child_process";
import { resample } from "../../src/adapters/voice/resample.ts";
import { encodeWav, parseWav, toMono } from "../../src/adapters/voice/wav.ts";

export function espeakMissing(): string | false {
  try {
    execFileSync("espeak-ng", ["--version"], { stdio: "ignore" });
    return false;
  } catch {
    return "espeak-ng absent : apt-get install espeak-ng";
  }
}

export function spokenPcm(text: string, rate = 16_000): Int16Array {
  const wav = execFileSync("espeak-ng", ["-v", "fr", "-s", "160", "--stdout", "--stdin"], { input: text });
  const audio = parseWav(new Uint8Array(wav));
  return resample(toMono(audio), audio.sampleRate, rate);
}

export function spokenWav(
  text: string,
  options: { rate?: number; silenceBefore?: number; silenceAfter?: number } = {},
): Uint8Array {
  const rate = options.rate ?? 16_000;
  const speech = spokenPcm(text, rate);
  const before = Math.round((options.silenceBefore ?? 0) * rate);
  const after = Math.round((options.silenceAfter ?? 0) * rate);
  const samples = new Int16Array(before + speech.length + after);
  samples.set(speech, before);
  return encodeWav(samples, rate);
}

/** `seconds` of a 440 Hz tone: loud, well-formed audio of any length. */
export function toneWav(seconds: number, rate = 16_000): Uint8Array {
  const samples = Int16Array.from({ length: Math.round(seconds * rate) }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)),
  );
  return encodeWav(samples, rate);
}
