/** The browser's side of a spoken question, without a browser: 16 kHz WAV and the end of speech. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseWav } from "../../adapters/voice/wav.ts";
import { createSpeechEndDetector, downsample, encodeWav, type SpeechVerdict } from "./voice-wav.ts";

const RATE = 48_000;
const FRAME = 4096;

function tone(seconds: number, amplitude: number, hz = 300, rate = RATE): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * rate) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

/** Feeds audio frame by frame, as the ScriptProcessor does; returns the first verdict that is not "listening" and when. */
function run(audio: Float32Array): { verdict: SpeechVerdict; atSeconds: number } {
  const detector = createSpeechEndDetector({ sampleRate: RATE });
  for (let start = 0; start < audio.length; start += FRAME) {
    const verdict = detector.push(audio.subarray(start, start + FRAME));
    if (verdict !== "listening") return { verdict, atSeconds: (start + FRAME) / RATE };
  }
  return { verdict: "listening", atSeconds: audio.length / RATE };
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

describe("voice recording helpers (widget)", () => {
  it("downsamples 48 kHz to 16 kHz keeping the level of speech-band sound, and writes a WAV the server reads", () => {
    const pcm = downsample(tone(1, 0.5), RATE, 16_000);
    assert.equal(pcm.length, 16_000);
    const peak = pcm.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
    assert.ok(peak > 0.45 * 32767 && peak <= 0.5 * 32767 + 1, `peak ${peak}`);
    const wav = parseWav(new Uint8Array(encodeWav(pcm, 16_000)));
    assert.equal(wav.sampleRate, 16_000);
    assert.equal(wav.channels, 1);
    assert.deepEqual([...wav.samples.subarray(0, 50)], [...pcm.subarray(0, 50)]);
    // 44.1 kHz (non-integer ratio) and clipping stay in range.
    const odd = downsample(tone(0.5, 2, 300, 44_100), 44_100, 16_000);
    assert.equal(odd.length, 8_000);
    assert.ok(odd.every((s) => s >= -32767 && s <= 32767));
  });

  it("ends about 1.2 s after the citizen stops speaking, even when speech starts at the first frame", () => {
    const spoken = run(concat(tone(2, 0.3), tone(3, 0.002)));
    assert.equal(spoken.verdict, "ended");
    assert.ok(spoken.atSeconds > 3.1 && spoken.atSeconds < 3.4, `${spoken.atSeconds} s`);
    const later = run(concat(tone(1, 0.002), tone(1.5, 0.2), tone(0.5, 0.002), tone(1, 0.2), tone(3, 0.002)));
    assert.equal(later.verdict, "ended", "a short pause does not end it");
    assert.ok(later.atSeconds > 5.1 && later.atSeconds < 5.4, `${later.atSeconds} s`);
  });

  it("gives up after 8 s of silence or room noise, and hears speech over steady noise", () => {
    assert.deepEqual(run(tone(10, 0.001)).verdict, "no_speech");
    assert.ok(Math.abs(run(tone(10, 0.001)).atSeconds - 8) < 0.1);
    assert.equal(run(tone(10, 0.008, 50)).verdict, "no_speech", "a hum below the floor is not speech");
    const overNoise = run(concat(tone(1, 0.02, 50), tone(1, 0.2), tone(2, 0.02, 50)));
    assert.equal(overNoise.verdict, "ended");
  });
});
