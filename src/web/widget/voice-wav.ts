/**
 * The browser side of a spoken question, as pure functions (tested without a browser): the
 * microphone's float samples brought down to 16 kHz, written as a 16-bit WAV, and an energy check that
 * says when the citizen has finished speaking.
 */

export const UPLOAD_RATE = 16_000;

/**
 * Each output sample is the mean of the input samples it covers: a box low-pass, enough for speech
 * (what matters to speech-to-text lies below 4 kHz) and a few lines instead of a filter design.
 */
export function downsample(input: Float32Array, inRate: number, outRate = UPLOAD_RATE): Int16Array {
  const ratio = inRate / outRate;
  if (ratio < 1) throw new RangeError("upsampling is not needed here");
  const out = new Int16Array(Math.floor(input.length / ratio));
  for (let n = 0; n < out.length; n++) {
    const from = Math.floor(n * ratio);
    const to = Math.max(from + 1, Math.floor((n + 1) * ratio));
    let sum = 0;
    for (let i = from; i < to; i++) sum += input[i] as number;
    const value = sum / (to - from);
    out[n] = Math.round(Math.max(-1, Math.min(1, value)) * 32767);
  }
  return out;
}

/** A mono 16-bit PCM WAV file. */
export function encodeWav(samples: Int16Array, sampleRate: number): ArrayBuffer {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, samples[i] as number, true);
  return buffer;
}

export function rmsOf(samples: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += (samples[i] as number) ** 2;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

export type SpeechVerdict = "listening" | "ended" | "no_speech";

/**
 * Speech is a frame clearly louder than the room's noise, and above an absolute floor. The noise level
 * starts as a quiet room's (someone may speak from the first frame), follows quieter frames at once
 * and louder ones slowly (a noisy room). Recording ends after `silenceMs` of quiet once some speech
 * was heard, or gives up after `noSpeechMs` without any.
 */
export function createSpeechEndDetector(options: {
  sampleRate: number;
  silenceMs?: number;
  noSpeechMs?: number;
  minSpeechMs?: number;
}) {
  const silenceMs = options.silenceMs ?? 1_200;
  const noSpeechMs = options.noSpeechMs ?? 8_000;
  const minSpeechMs = options.minSpeechMs ?? 150;
  let noise = 0.005;
  let elapsedMs = 0;
  let speechMs = 0;
  let quietMs = 0;
  return {
    get heardSpeech(): boolean {
      return speechMs >= minSpeechMs;
    },
    push(frame: Float32Array): SpeechVerdict {
      const ms = (frame.length / options.sampleRate) * 1000;
      const level = rmsOf(frame);
      const speaking = level > Math.max(0.015, noise * 3);
      noise = level < noise ? Math.max(level, 1e-4) : noise + (level - noise) * 0.005;
      elapsedMs += ms;
      if (speaking) {
        speechMs += ms;
        quietMs = 0;
      } else quietMs += ms;
      if (speechMs >= minSpeechMs) return quietMs >= silenceMs ? "ended" : "listening";
      return elapsedMs >= noSpeechMs ? "no_speech" : "listening";
    },
  };
}
