/**
 * Reads a RIFF/WAVE file of 16-bit PCM (what espeak-ng and sox write). A WAV written to a pipe has
 * no true sizes in its header (the writer could not seek back), so a data chunk whose size runs past
 * the end of the buffer is read to the end.
 */
export type PcmAudio = { sampleRate: number; channels: number; samples: Int16Array };

export class WavFormatError extends Error {
  override name = "WavFormatError";
}

export function parseWav(buffer: Uint8Array): PcmAudio {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const tag = (offset: number) => String.fromCharCode(...buffer.subarray(offset, offset + 4));
  if (buffer.length < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE")
    throw new WavFormatError("not a WAV file");
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; code: number } | null = null;
  while (offset + 8 <= buffer.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const start = offset + 8;
    if (id === "fmt ") {
      if (size < 16 || start + 16 > buffer.length) throw new WavFormatError("short fmt chunk");
      format = {
        code: view.getUint16(start, true),
        channels: view.getUint16(start + 2, true),
        sampleRate: view.getUint32(start + 4, true),
        bits: view.getUint16(start + 14, true),
      };
    } else if (id === "data") {
      if (!format) throw new WavFormatError("data before fmt");
      if (format.code !== 1 || format.bits !== 16 || format.channels < 1)
        throw new WavFormatError(`unsupported WAV format ${format.code}/${format.bits} bits`);
      const end = size === 0 || start + size > buffer.length ? buffer.length : start + size;
      const bytes = (end - start) & ~1;
      const samples = new Int16Array(bytes / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(start + i * 2, true);
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    offset = start + size + (size & 1);
  }
  throw new WavFormatError("no data chunk");
}

/** Mono from interleaved channels (their mean). */
export function toMono(audio: PcmAudio): Int16Array {
  if (audio.channels === 1) return audio.samples;
  const frames = Math.floor(audio.samples.length / audio.channels);
  const out = new Int16Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < audio.channels; c++) sum += audio.samples[i * audio.channels + c] as number;
    out[i] = Math.round(sum / audio.channels);
  }
  return out;
}

/** A 16-bit mono WAV file (for a speech-to-text upload). */
export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  const buffer = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(buffer.buffer);
  const write = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) buffer[offset + i] = text.charCodeAt(i);
  };
  write(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  write(8, "WAVE");
  write(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  write(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, samples[i] as number, true);
  return buffer;
}
