import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resample, resampleLinear } from "./resample.ts";

function sine(frequency: number, rate: number, seconds: number, amplitude = 10_000): Int16Array {
  return Int16Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * frequency * i) / rate)),
  );
}

/** RMS of the middle of a signal (the filter's edges excluded). */
function rms(samples: Int16Array): number {
  const middle = samples.subarray(200, samples.length - 200);
  let sum = 0;
  for (const s of middle) sum += s * s;
  return Math.sqrt(sum / middle.length);
}

describe("resample", () => {
  it("turns espeak's 22 050 Hz into 8 kHz with the right length and a speech-band tone intact", () => {
    const input = sine(1000, 22_050, 1);
    const output = resample(input, 22_050, 8_000);
    assert.equal(output.length, 8_000);
    const ratio = rms(output) / rms(input);
    assert.ok(Math.abs(ratio - 1) < 0.01, `gain ${ratio}`);
    // Still a 1 kHz tone: 8 samples a period, so sample n and n+8 match.
    let error = 0;
    for (let n = 200; n < 7_800; n++) error += Math.abs((output[n] as number) - (output[n + 8] as number));
    assert.ok(error / 7_600 < 50, `mean period error ${error / 7_600}`);
  });

  it("removes what lies above 4 kHz instead of folding it back into the band (linear interpolation does not)", () => {
    const input = sine(6000, 22_050, 1);
    const filtered = 20 * Math.log10(rms(resample(input, 22_050, 8_000)) / rms(input));
    const linear = 20 * Math.log10(rms(resampleLinear(input, 22_050, 8_000)) / rms(input));
    assert.ok(filtered < -50, `windowed sinc: ${filtered.toFixed(1)} dB`);
    assert.ok(linear > -20, `linear: ${linear.toFixed(1)} dB`);
  });

  it("also converts other rates (16 kHz down, 8 kHz up)", () => {
    assert.equal(resample(sine(500, 16_000, 0.5), 16_000, 8_000).length, 4_000);
    const up = resample(sine(500, 8_000, 0.5), 8_000, 16_000);
    assert.equal(up.length, 16_000 / 2);
    assert.ok(Math.abs(rms(up) / 10_000 / Math.SQRT1_2 - 1) < 0.02);
  });
});
