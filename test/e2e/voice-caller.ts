/**
 * A caller simulator speaking the Media Streams protocol, as a telephony provider would: start (µ-law
 * 8 kHz), 20 ms audio frames, keys, stop; it collects the audio sent back, prompt by prompt (a prompt
 * ends with the server's mark, acknowledged as if played at once), and checks the frames are well
 * formed. `createProtocolCaller` works over any transport (a WebSocket); `createTestCaller` plugs it
 * straight into a session in the same process (no socket: the very JSON a WebSocket would carry).
 */
import assert from "node:assert/strict";
import {
  createMediaStreamSession,
  FRAME_BYTES,
  type MediaStreamSessionOptions,
  type StreamEnd,
} from "../../src/adapters/voice/media-stream-session.ts";
import { decodeMulaw, encodeMulaw } from "../../src/adapters/voice/mulaw.ts";

export type Prompt = { audio: Int16Array; seconds: number; rms: number; cleared: boolean };

export function rms(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

type Waiter = { resolve: (prompt: Prompt) => void; reject: (error: Error) => void };

export function createProtocolCaller(options: {
  callSid: string;
  from?: string;
  ackMarks?: boolean;
  /** Sends one text frame to the server. */
  send(text: string): void;
}) {
  const streamSid = `MZ${options.callSid.slice(2)}`;
  let buffered: Uint8Array[] = [];
  let cleared = false;
  const prompts: Prompt[] = [];
  const waiting: Waiter[] = [];
  let endReason: string | null = null;
  let endResolve: (reason: string) => void = () => undefined;
  const ended = new Promise<string>((resolve) => {
    endResolve = resolve;
  });
  let sequence = 0;
  let taken = 0;

  function send(frame: Record<string, unknown>) {
    sequence++;
    options.send(JSON.stringify({ ...frame, streamSid, sequenceNumber: String(sequence) }));
  }

  return {
    prompts,
    ended,
    get endReason() {
      return endReason;
    },
    /** One text frame from the server. */
    receive(text: string) {
      const frame = JSON.parse(text) as {
        event: string;
        streamSid: string;
        media?: { payload: string };
        mark?: { name: string };
      };
      assert.equal(frame.streamSid, streamSid);
      if (frame.event === "media") {
        const bytes = new Uint8Array(Buffer.from(frame.media?.payload ?? "", "base64"));
        assert.ok(bytes.length > 0 && bytes.length <= FRAME_BYTES, `frame of ${bytes.length} bytes`);
        buffered.push(bytes);
      } else if (frame.event === "clear") {
        cleared = true;
        buffered = [];
      } else if (frame.event === "mark") {
        const audio = decodeMulaw(Buffer.concat(buffered));
        const prompt = { audio, seconds: audio.length / 8_000, rms: rms(audio), cleared };
        buffered = [];
        cleared = false;
        prompts.push(prompt);
        waiting.shift()?.resolve(prompt);
        if (options.ackMarks !== false)
          queueMicrotask(() => send({ event: "mark", mark: { name: frame.mark?.name } }));
      } else assert.fail(`unexpected frame ${frame.event}`);
    },
    /** The server closed the stream. */
    closed(reason: string) {
      endReason = reason;
      endResolve(reason);
      // A prompt still awaited will not come.
      queueMicrotask(() => {
        for (const waiter of waiting.splice(0)) waiter.reject(new Error(`stream closed: ${reason}`));
      });
    },
    /** The next prompt played (already played ones first). */
    nextPrompt(timeoutMs = 20_000): Promise<Prompt> {
      const played = prompts[taken];
      if (played) {
        taken++;
        return Promise.resolve(played);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no prompt")), timeoutMs);
        waiting.push({
          resolve: (prompt) => {
            clearTimeout(timer);
            taken++;
            resolve(prompt);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    start(format: { encoding?: string; sampleRate?: number } = {}) {
      send({ event: "connected", protocol: "Call", version: "1.0.0" });
      send({
        event: "start",
        start: {
          streamSid,
          callSid: options.callSid,
          accountSid: "AC0",
          tracks: ["inbound"],
          mediaFormat: {
            encoding: format.encoding ?? "audio/x-mulaw",
            sampleRate: format.sampleRate ?? 8_000,
            channels: 1,
          },
          customParameters: options.from ? { From: options.from } : {},
        },
      });
    },
    press(digit: string) {
      send({ event: "dtmf", dtmf: { track: "inbound_track", digit } });
    },
    /** Speaks 8 kHz audio in 20 ms frames, then `pauseMs` of line silence (µ-law 0xFF). */
    speak(pcm: Int16Array, pauseMs = 1_000) {
      const audio = encodeMulaw(pcm);
      const silence = new Uint8Array(Math.round((pauseMs / 1000) * 8_000)).fill(0xff);
      for (const bytes of [audio, silence])
        for (let offset = 0; offset < bytes.length; offset += FRAME_BYTES)
          send({
            event: "media",
            media: {
              track: "inbound",
              payload: Buffer.from(bytes.subarray(offset, offset + FRAME_BYTES)).toString("base64"),
            },
          });
    },
    raw(text: string) {
      options.send(text);
    },
    hangUp() {
      send({ event: "stop", stop: { callSid: options.callSid } });
    },
  };
}

/** A caller wired straight to a session in this process. */
export function createTestCaller(
  options: Omit<MediaStreamSessionOptions, "send" | "close"> & {
    callSid: string;
    from?: string;
    ackMarks?: boolean;
  },
) {
  let session: ReturnType<typeof createMediaStreamSession> | null = null;
  const caller = createProtocolCaller({
    callSid: options.callSid,
    from: options.from,
    ackMarks: options.ackMarks,
    send: (text) => session?.receive(text),
  });
  session = createMediaStreamSession({
    ...options,
    send: (text) => caller.receive(text),
    close: (reason: StreamEnd) => caller.closed(reason),
  });
  return Object.assign(caller, { session });
}
