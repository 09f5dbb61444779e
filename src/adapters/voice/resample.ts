/**
 * Sample-rate conversion in process (no sox at run time): a windowed-sinc low-pass at 90 % of the
 * output's Nyquist frequency, evaluated at each output instant. For rational ratios the filter has
 * few distinct phases (22 050 → 8 000 Hz: 160), so they are computed once. Linear interpolation alone
 * would fold everything espeak says above 4 kHz back into the band as noise (bench/voice-audio.bench.ts
 * measures both).
 */
const HALF_WIDTH = 16;
const CUTOFF = 0.9;
const MAX_PHASES = 4096;

type Filter = { step: number; down: number; phases: number; taps: Float64Array[]; cutoff: number };
const filters = new Map<string, Filter>();

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Blackman-windowed sinc tap, `distance` in input samples, `cutoff` in cycles per input sample. */
function tap(distance: number, cutoff: number, halfWidth: number): number {
  if (Math.abs(distance) >= halfWidth) return 0;
  const x = 2 * cutoff * distance;
  const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  const w =
    0.42 +
    0.5 * Math.cos((Math.PI * distance) / halfWidth) +
    0.08 * Math.cos((2 * Math.PI * distance) / halfWidth);
  return 2 * cutoff * sinc * w;
}

function filterFor(inRate: number, outRate: number): Filter {
  const key = `${inRate}:${outRate}`;
  const known = filters.get(key);
  if (known) return known;
  const g = gcd(inRate, outRate);
  const phases = outRate / g;
  // Below the lower of the two Nyquist frequencies, in cycles per input sample.
  const cutoff = (CUTOFF * Math.min(inRate, outRate)) / 2 / inRate;
  // Downsampling widens the filter in input samples so its length in output samples stays the same.
  const halfWidth = Math.ceil(HALF_WIDTH * Math.max(1, inRate / outRate));
  const taps: Float64Array[] = [];
  if (phases <= MAX_PHASES) {
    for (let p = 0; p < phases; p++) {
      const frac = p / phases;
      const row = new Float64Array(2 * halfWidth);
      for (let k = 0; k < 2 * halfWidth; k++) row[k] = tap(frac - (k - halfWidth + 1), cutoff, halfWidth);
      taps.push(row);
    }
  }
  const filter = { step: inRate / outRate, down: inRate / g, phases, taps, cutoff };
  filters.set(key, filter);
  return filter;
}

function checkRates(inRate: number, outRate: number) {
  if (!Number.isInteger(inRate) || !Number.isInteger(outRate) || inRate <= 0 || outRate <= 0)
    throw new RangeError("sample rates must be positive integers");
}

/** Output samples [from, to) of `input` converted from `inRate` to `outRate`, written into `out`. */
function resampleInto(
  input: Int16Array,
  filter: Filter,
  out: Int16Array,
  from: number,
  to: number,
  halfWidth: number,
) {
  const width = 2 * halfWidth;
  for (let n = from; n < to; n++) {
    // Exact integer arithmetic for the position: no drift over long prompts.
    const position = n * filter.down;
    const base = Math.floor(position / filter.phases);
    const phase = position - base * filter.phases;
    const row = filter.taps[phase];
    const first = base - halfWidth + 1;
    let sum = 0;
    if (row && first >= 0 && first + width <= input.length) {
      // Inside the signal (nearly every sample): no bounds to check.
      for (let k = 0; k < width; k++) sum += (input[first + k] as number) * (row[k] as number);
    } else {
      for (let k = 0; k < width; k++) {
        const index = first + k;
        if (index < 0 || index >= input.length) continue;
        const weight = row
          ? (row[k] as number)
          : tap(phase / filter.phases - (k - halfWidth + 1), filter.cutoff, halfWidth);
        sum += (input[index] as number) * weight;
      }
    }
    out[n] = Math.max(-32768, Math.min(32767, Math.round(sum)));
  }
}

function prepare(input: Int16Array, inRate: number, outRate: number) {
  checkRates(inRate, outRate);
  const filter = filterFor(inRate, outRate);
  const halfWidth = filter.taps[0]
    ? filter.taps[0].length / 2
    : Math.ceil(HALF_WIDTH * Math.max(1, inRate / outRate));
  const out = new Int16Array(Math.floor((input.length * outRate) / inRate));
  return { filter, halfWidth, out };
}

export function resample(input: Int16Array, inRate: number, outRate: number): Int16Array {
  if (inRate === outRate) return input.slice();
  const { filter, halfWidth, out } = prepare(input, inRate, outRate);
  resampleInto(input, filter, out, 0, out.length, halfWidth);
  return out;
}

/**
 * The same conversion, a slice at a time with the event loop free in between: a long prompt is
 * several milliseconds of arithmetic, during which no other call's audio would be paced.
 */
export async function resampleYielding(
  input: Int16Array,
  inRate: number,
  outRate: number,
  sliceSamples = 4_000,
): Promise<Int16Array> {
  if (inRate === outRate) return input.slice();
  const { filter, halfWidth, out } = prepare(input, inRate, outRate);
  for (let from = 0; from < out.length; from += sliceSamples) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve));
    resampleInto(input, filter, out, from, Math.min(out.length, from + sliceSamples), halfWidth);
  }
  return out;
}

/** Linear interpolation without a low-pass filter: kept only for comparison in the benchmark. */
export function resampleLinear(input: Int16Array, inRate: number, outRate: number): Int16Array {
  const length = Math.floor((input.length * outRate) / inRate);
  const out = new Int16Array(length);
  for (let n = 0; n < length; n++) {
    const t = (n * inRate) / outRate;
    const i = Math.floor(t);
    const a = input[i] ?? 0;
    const b = input[i + 1] ?? a;
    out[n] = Math.round(a + (b - a) * (t - i));
  }
  return out;
}
