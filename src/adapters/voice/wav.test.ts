import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encodeWav, parseWav, toMono, WavFormatError } from "./wav.ts";

describe("WAV", () => {
  it("reads back what it writes", () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768]);
    const audio = parseWav(encodeWav(samples, 8_000));
    assert.deepEqual(audio, { sampleRate: 8_000, channels: 1, samples });
  });

  it("reads a WAV written to a pipe, whose header sizes are placeholders", () => {
    const wav = encodeWav(Int16Array.from([5, 6, 7]), 22_050);
    const view = new DataView(wav.buffer);
    view.setUint32(4, 0x7fffffff, true);
    view.setUint32(40, 0x7fffffff, true);
    assert.deepEqual([...parseWav(wav).samples], [5, 6, 7]);
  });

  it("mixes stereo to mono, and refuses what is not 16-bit PCM WAV", () => {
    assert.deepEqual(
      [...toMono({ sampleRate: 8_000, channels: 2, samples: Int16Array.from([10, 20, -4, 4]) })],
      [15, 0],
    );
    assert.throws(() => parseWav(new TextEncoder().encode("ID3 not a wav at all")), WavFormatError);
    const eightBit = encodeWav(Int16Array.from([1]), 8_000);
    new DataView(eightBit.buffer).setUint16(34, 8, true);
    assert.throws(() => parseWav(eightBit), /unsupported WAV format/);
  });
});
