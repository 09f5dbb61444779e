import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeMulaw, decodeMulawSample, encodeMulaw, encodeMulawSample } from "./mulaw.ts";

describe("G.711 µ-law", () => {
  // Reference values of the G.711 tables, the same as sox gives (`sox -e signed -b 16 … -e mu-law`).
  it("encodes the reference values", () => {
    const pairs: [number, number][] = [
      [0, 0xff],
      [32767, 0x80],
      [-32768, 0x00],
      [8, 0xfe],
      [100, 0xf2],
      [120, 0xf0],
      [132, 0xef],
      [1000, 0xce],
      [-1000, 0x4e],
    ];
    assert.deepEqual(
      pairs.map(([sample]) => encodeMulawSample(sample)),
      pairs.map(([, code]) => code),
    );
  });

  it("decodes the reference values", () => {
    assert.equal(decodeMulawSample(0xff), 0);
    assert.equal(decodeMulawSample(0x7f), 0);
    assert.equal(decodeMulawSample(0x80), 32124);
    assert.equal(decodeMulawSample(0x00), -32124);
    assert.equal(decodeMulawSample(0xfe), 8);
    assert.equal(decodeMulawSample(0xf2), 104);
    assert.equal(decodeMulawSample(0xf0), 120);
    assert.equal(decodeMulawSample(0xef), 132);
    assert.equal(decodeMulawSample(0xce), 988);
    assert.equal(decodeMulawSample(0x4e), -988);
  });

  it("round-trips every code, and keeps any sample within its segment's step", () => {
    for (let byte = 0; byte < 256; byte++) {
      if (byte === 0x7f) continue; // -0 decodes to 0, which encodes as +0 (0xff)
      assert.equal(encodeMulawSample(decodeMulawSample(byte)), byte, `code ${byte}`);
    }
    for (let sample = -32768; sample <= 32767; sample += 7) {
      const back = decodeMulawSample(encodeMulawSample(sample));
      const step = Math.max(8, Math.abs(sample) / 16);
      assert.ok(Math.abs(back - Math.max(-32124, Math.min(32124, sample))) <= step, `${sample} → ${back}`);
    }
    const pcm = Int16Array.from([0, 1000, -1000, 32767]);
    assert.deepEqual([...decodeMulaw(encodeMulaw(pcm))], [0, 988, -988, 32124]);
  });
});
