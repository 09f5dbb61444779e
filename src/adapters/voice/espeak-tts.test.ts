/** Runs the real espeak-ng (Debian package espeak-ng, installed by .ci/run). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cachedTextToSpeech } from "./cached-tts.ts";
import { createEspeakTextToSpeech, TextToSpeechError } from "./espeak-tts.ts";

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe("espeak-ng text to speech", () => {
  const tts = createEspeakTextToSpeech();

  it("speaks French as 8 kHz 16-bit audio of a plausible length, not silence", async () => {
    const audio = await tts.synthesize(
      "Bonjour, vous êtes en relation avec l'assistant automatique de la mairie.",
    );
    const seconds = audio.length / 8_000;
    assert.ok(seconds > 2 && seconds < 8, `${seconds} s`);
    assert.ok(rms(audio) > 500, `rms ${rms(audio)}`);
    // A longer text takes longer to say.
    const longer = await tts.synthesize(
      "Bonjour, vous êtes en relation avec l'assistant automatique de la mairie. Pour parler à un agent, tapez 0.",
    );
    assert.ok(longer.length > audio.length * 1.2);
  });

  it("reads a text starting with a dash as words, not as an option", async () => {
    const audio = await tts.synthesize("--help -v en");
    assert.ok(audio.length > 4_000 && rms(audio) > 300);
  });

  it("says nothing for an empty text, and fails with a typed error when the engine is missing or too slow", async () => {
    assert.equal((await tts.synthesize("   ")).length, 0);
    const missing = createEspeakTextToSpeech({ command: "/nonexistent/espeak-ng" });
    await assert.rejects(missing.synthesize("Bonjour"), (error: unknown) => {
      assert.ok(error instanceof TextToSpeechError);
      assert.equal(error.reason, "missing_engine");
      return true;
    });
    const slow = createEspeakTextToSpeech({ timeoutMs: 1 });
    await assert.rejects(slow.synthesize("Bonjour ".repeat(200)), { reason: "timeout" });
  });

  it("synthesises a repeated prompt once", async () => {
    let calls = 0;
    const cached = cachedTextToSpeech({
      synthesize: async (text) => {
        calls++;
        return tts.synthesize(text);
      },
    });
    const [a, b] = await Promise.all([
      cached.synthesize("Pour réécouter, tapez étoile."),
      cached.synthesize("Pour réécouter, tapez étoile."),
    ]);
    const c = await cached.synthesize("Pour réécouter, tapez étoile.");
    assert.equal(calls, 1);
    assert.equal(a, b);
    assert.equal(a, c);
    await cached.synthesize("Une autre phrase.");
    assert.equal(calls, 2);
  });
});
