/**
 * A simulated Asterisk on the other end of an AudioSocket connection: it sends the call's UUID, then,
 * like a live channel, a 20 ms audio frame every 20 ms (line silence, or speech when told to speak),
 * keys and the hang-up; it reads what comes back with its own parser and notes every protocol fault
 * (a message that is not a 320-byte audio frame or the hang-up). Prompts are told apart by the gaps
 * in the audio (AudioSocket has no marks): a prompt ends when nothing came for a while.
 */
import { randomUUID } from "node:crypto";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { type Prompt, rms } from "./voice-caller.ts";

export type HeardFrame = { at: number; pcm: Int16Array };
export type HeardPrompt = Prompt & { frames: HeardFrame[]; firstAt: number; lastAt: number };

const FRAME_BYTES = 320;

function header(kind: number, payload: Uint8Array): Buffer {
  const out = Buffer.alloc(3 + payload.length);
  out[0] = kind;
  out.writeUInt16BE(payload.length, 1);
  out.set(payload, 3);
  return out;
}

/** 16-bit little-endian bytes of PCM, in 320-byte frames (the last one padded with silence). */
export function pcmFrames(pcm: Int16Array): Buffer[] {
  const bytes = Buffer.alloc(Math.ceil((pcm.length * 2) / FRAME_BYTES) * FRAME_BYTES);
  for (let i = 0; i < pcm.length; i++) bytes.writeInt16LE(pcm[i] as number, 2 * i);
  const frames: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += FRAME_BYTES)
    frames.push(bytes.subarray(offset, offset + FRAME_BYTES));
  return frames;
}

export async function connectAudioSocketCaller(options: {
  port: number;
  id?: string;
  /** Streams line audio every 20 ms, as a live Asterisk channel does (default: on). */
  line?: boolean;
  /** Keeps its side open when the server ends the connection (a peer that never hangs up). */
  halfOpen?: boolean;
}) {
  const id = options.id ?? randomUUID();
  const socket = net.connect({
    host: "127.0.0.1",
    port: options.port,
    allowHalfOpen: options.halfOpen ?? false,
  });
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const heard: HeardFrame[] = [];
  const faults: string[] = [];
  let taken = 0;
  let hangupReceived = false;
  let pending = Buffer.alloc(0);
  const speech: Buffer[] = [];
  let lineTimer: NodeJS.Timeout | undefined;
  /** When each speech frame went out, to time the end of what was said. */
  let lastSpeechAt = 0;
  const closed = new Promise<{ hangup: boolean; at: number }>((resolve) =>
    socket.on("close", () => {
      clearTimeout(lineTimer);
      resolve({ hangup: hangupReceived, at: performance.now() });
    }),
  );
  socket.on("error", () => undefined);

  socket.on("data", (chunk: Buffer) => {
    const at = performance.now();
    let bytes = Buffer.concat([pending, chunk]);
    while (bytes.length >= 3) {
      const kind = bytes[0] as number;
      const length = bytes.readUInt16BE(1);
      if (bytes.length < 3 + length) break;
      const payload = bytes.subarray(3, 3 + length);
      bytes = bytes.subarray(3 + length);
      if (hangupReceived) faults.push(`message of kind ${kind} after the hang-up`);
      if (kind === 0x00 && length === 0) hangupReceived = true;
      else if (kind !== 0x10) faults.push(`kind ${kind}`);
      else if (length !== FRAME_BYTES) faults.push(`audio frame of ${length} bytes`);
      else {
        const pcm = new Int16Array(FRAME_BYTES / 2);
        for (let i = 0; i < pcm.length; i++) pcm[i] = payload.readInt16LE(2 * i);
        heard.push({ at, pcm });
      }
    }
    pending = Buffer.from(bytes);
  });

  const silence = Buffer.alloc(FRAME_BYTES);
  let nextAt = performance.now();
  function tick() {
    if (socket.destroyed || socket.writableEnded) return;
    const frame = speech.shift();
    if (frame) lastSpeechAt = performance.now();
    socket.write(header(0x10, frame ?? silence));
    nextAt += 20;
    lineTimer = setTimeout(tick, Math.max(0, nextAt - performance.now()));
  }

  function promptOf(frames: HeardFrame[]): HeardPrompt {
    const audio = new Int16Array(frames.length * (FRAME_BYTES / 2));
    for (const [i, frame] of frames.entries()) audio.set(frame.pcm, i * (FRAME_BYTES / 2));
    return {
      audio,
      seconds: audio.length / 8_000,
      rms: rms(audio),
      cleared: false,
      frames,
      firstAt: frames[0]?.at ?? 0,
      lastAt: frames.at(-1)?.at ?? 0,
    };
  }

  const caller = {
    id,
    socket,
    heard,
    faults,
    closed,
    get hangupReceived() {
      return hangupReceived;
    },
    /** When the last frame of speech was sent. */
    get lastSpeechAt() {
      return lastSpeechAt;
    },
    /** Sends the UUID (the first message), then the line's audio. */
    start() {
      socket.write(header(0x01, Buffer.from(id.replace(/-/g, ""), "hex")));
      if (options.line !== false) {
        nextAt = performance.now();
        tick();
      }
    },
    press(digits: string) {
      for (const digit of digits) socket.write(header(0x03, Buffer.from(digit, "latin1")));
      return performance.now();
    },
    /** Speech on the line, frame by frame in real time (needs the line on). */
    speak(pcm: Int16Array) {
      speech.push(...pcmFrames(pcm));
    },
    get speaking() {
      return speech.length > 0;
    },
    raw(bytes: Uint8Array) {
      socket.write(bytes);
    },
    message: header,
    /** The caller hangs up: the hang-up message, then the socket closes. */
    hangUp() {
      clearTimeout(lineTimer);
      if (!socket.destroyed) socket.end(header(0x00, new Uint8Array(0)));
      return closed;
    },
    /** The line drops: no hang-up message. */
    drop() {
      clearTimeout(lineTimer);
      socket.destroy();
      return closed;
    },
    /** Stops sending line audio (the peer that never hangs up keeps its socket open). */
    mute() {
      clearTimeout(lineTimer);
    },
    /** Audio heard since the last prompt taken, once `gapMs` pass without a frame (or the line closes). */
    async nextPrompt(options_: { gapMs?: number; timeoutMs?: number } = {}): Promise<HeardPrompt> {
      const gapMs = options_.gapMs ?? 300;
      const deadline = performance.now() + (options_.timeoutMs ?? 30_000);
      for (;;) {
        const last = heard.at(-1);
        const quiet = last !== undefined && performance.now() - last.at >= gapMs;
        const over = socket.destroyed || hangupReceived;
        if (heard.length > taken && (quiet || over)) {
          const frames = heard.slice(taken);
          taken = heard.length;
          return promptOf(frames);
        }
        if (performance.now() > deadline || (over && heard.length <= taken)) throw new Error("no prompt");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** What is heard during `ms` from now (a caller who cuts in before the end of the prompt). */
    async listen(ms: number): Promise<HeardPrompt> {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const frames = heard.slice(taken);
      taken = heard.length;
      return promptOf(frames);
    },
    /** First frame heard after `since` (performance.now()), or null. */
    firstFrameAfter(since: number): HeardFrame | null {
      return heard.find((frame) => frame.at > since) ?? null;
    },
  };
  return caller;
}

export type AudioSocketCaller = Awaited<ReturnType<typeof connectAudioSocketCaller>>;

/** Frames heard in the busiest `windowMs` of a prompt: 5 per 100 ms when paced, more in a burst. */
export function busiestWindow(frames: HeardFrame[], windowMs = 100): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < frames.length; end++) {
    while ((frames[end]?.at ?? 0) - (frames[start]?.at ?? 0) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
