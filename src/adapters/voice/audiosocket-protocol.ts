/**
 * Asterisk's AudioSocket protocol (app_audiosocket, Asterisk 18+; keys since 20.x): a TCP stream of
 * messages, each a 3-byte header — 1 byte kind, 2 bytes payload length (big-endian) — and the payload.
 *   0x00 hang-up · 0x01 the call's UUID (16 bytes, first message) · 0x03 a key (1 ASCII byte)
 *   0x10 audio: signed 16-bit little-endian PCM, 8 kHz, mono (20 ms = 320 bytes) · 0xff an error
 * Kinds 0x11–0x18 carry PCM at higher rates, which this pipeline does not read.
 *
 * The reader keeps the framing: an unknown kind or a payload that does not fit its kind is skipped
 * ("malformed", the call may go on); a length no Asterisk message has means the stream is not
 * AudioSocket, or lost its framing ("broken": nothing after it can be trusted).
 */
export const AUDIOSOCKET_KIND = { hangup: 0x00, uuid: 0x01, dtmf: 0x03, audio: 0x10, error: 0xff } as const;
/** 20 ms of 8 kHz 16-bit audio: the frame Asterisk sends and expects. */
export const SLIN_FRAME_BYTES = 320;
/** Longest payload read: a second of audio. Asterisk sends 20 ms frames; more is not its stream. */
export const MAX_PAYLOAD_BYTES = 16_000;
const HEADER_BYTES = 3;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export type AudioSocketMessage =
  | { kind: "hangup" }
  | { kind: "uuid"; id: string }
  | { kind: "dtmf"; digit: string }
  | { kind: "audio"; pcm: Int16Array }
  /** PCM at another sample rate (kinds 0x11–0x18). */
  | { kind: "other_rate"; code: number }
  /** Asterisk reports an error (its codes: 1 hang-up, 2 frame forwarding, 4 memory). */
  | { kind: "error"; code: number | null }
  | { kind: "malformed"; reason: string }
  | { kind: "broken"; reason: string };

function uuidOf(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function pcmOf(payload: Buffer): Int16Array {
  const pcm = new Int16Array(payload.length / 2);
  if (LITTLE_ENDIAN) new Uint8Array(pcm.buffer).set(payload);
  else for (let i = 0; i < pcm.length; i++) pcm[i] = payload.readInt16LE(2 * i);
  return pcm;
}

function decode(kind: number, payload: Buffer): AudioSocketMessage {
  switch (kind) {
    case AUDIOSOCKET_KIND.hangup:
      return { kind: "hangup" };
    case AUDIOSOCKET_KIND.uuid:
      return payload.length === 16
        ? { kind: "uuid", id: uuidOf(payload) }
        : { kind: "malformed", reason: "uuid length" };
    case AUDIOSOCKET_KIND.dtmf: {
      const digit = payload.length === 1 ? String.fromCharCode(payload[0] as number) : "";
      return /^[0-9*#A-D]$/.test(digit) ? { kind: "dtmf", digit } : { kind: "malformed", reason: "dtmf" };
    }
    case AUDIOSOCKET_KIND.audio:
      return payload.length > 0 && payload.length % 2 === 0
        ? { kind: "audio", pcm: pcmOf(payload) }
        : { kind: "malformed", reason: "audio length" };
    case AUDIOSOCKET_KIND.error:
      return { kind: "error", code: payload.length > 0 ? (payload[0] as number) : null };
    default:
      if (kind >= 0x11 && kind <= 0x18) return { kind: "other_rate", code: kind };
      return { kind: "malformed", reason: "unknown kind" };
  }
}

/** Reads messages from the bytes of one connection, in whatever chunks TCP delivers them. */
export function createAudioSocketReader() {
  let pending: Buffer = Buffer.alloc(0);
  let broken = false;
  return {
    push(chunk: Buffer): AudioSocketMessage[] {
      if (broken) return [];
      const bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const messages: AudioSocketMessage[] = [];
      let offset = 0;
      while (bytes.length - offset >= HEADER_BYTES) {
        const kind = bytes[offset] as number;
        const length = bytes.readUInt16BE(offset + 1);
        if (length > MAX_PAYLOAD_BYTES) {
          broken = true;
          messages.push({ kind: "broken", reason: "oversized length" });
          break;
        }
        if (bytes.length - offset < HEADER_BYTES + length) break;
        const payload = bytes.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
        messages.push(decode(kind, payload));
        offset += HEADER_BYTES + length;
      }
      // Copied: a partial message must not keep the whole chunk it came in alive.
      pending = broken ? Buffer.alloc(0) : Buffer.from(bytes.subarray(offset));
      return messages;
    },
    /** Bytes of a message not complete yet. */
    get buffered() {
      return pending.length;
    },
  };
}

function message(kind: number, payload: Uint8Array = new Uint8Array(0)): Buffer {
  const out = Buffer.alloc(HEADER_BYTES + payload.length);
  out[0] = kind;
  out.writeUInt16BE(payload.length, 1);
  out.set(payload, HEADER_BYTES);
  return out;
}

export const HANGUP_MESSAGE = message(AUDIOSOCKET_KIND.hangup);

/** Messages of a spoken sentence, kept as long as its audio is (in the speech cache). */
const encodedFrames = new WeakMap<Int16Array, Buffer[]>();

/** Audio as ready-to-write messages of 20 ms each; the last one is padded with silence. */
export function audioMessages(pcm: Int16Array): Buffer[] {
  const known = encodedFrames.get(pcm);
  if (known) return known;
  const bytes = Buffer.alloc(Math.ceil((pcm.length * 2) / SLIN_FRAME_BYTES) * SLIN_FRAME_BYTES);
  for (let i = 0; i < pcm.length; i++) bytes.writeInt16LE(pcm[i] as number, 2 * i);
  const frames: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += SLIN_FRAME_BYTES)
    frames.push(message(AUDIOSOCKET_KIND.audio, bytes.subarray(offset, offset + SLIN_FRAME_BYTES)));
  encodedFrames.set(pcm, frames);
  return frames;
}

/** What a peer (a test caller, a benchmark) sends. */
export const audioSocketMessage = {
  uuid: (id: string) => message(AUDIOSOCKET_KIND.uuid, Buffer.from(id.replace(/-/g, ""), "hex")),
  dtmf: (digit: string) => message(AUDIOSOCKET_KIND.dtmf, Buffer.from(digit, "latin1")),
  audio: (payload: Uint8Array) => message(AUDIOSOCKET_KIND.audio, payload),
  raw: message,
};
