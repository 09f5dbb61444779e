/**
 * One call on a bidirectional media stream, whatever carries the frames (a WebSocket in production, a
 * function in tests and benchmarks): caller audio in → end-of-speech detection → speech-to-text (when
 * configured) → the call flow and the assistant → text-to-speech → µ-law frames out. Keys work at any
 * time; a key or speech during playback stops it (barge-in: "clear"). Turns run one at a time.
 *
 * Hostile input ends the call cleanly, with its record: malformed frames past a count, a codec other
 * than µ-law 8 kHz, minutes of silence (the flow's silence rule), a flood of keys (a bounded queue,
 * then the flow's input limit), a caller who never hangs up (a maximum call length).
 */
import { performance } from "node:perf_hooks";
import {
  type CallEvent,
  type CallKey,
  type CallNext,
  type CallResponse,
  continueCall,
  endCall,
  prompts,
  type SpeechToText,
  startCall,
  type TextToSpeech,
  type VoiceContext,
} from "../../domains/channels/voice/index.ts";
import type { Logger } from "../../shared/logger.ts";

export { FRAME_BYTES, splitSentences } from "./spoken-frames.ts";

import { isSupportedFormat, outbound, parseInboundFrame, type StreamStart } from "./media-stream-protocol.ts";
import { decodeMulaw } from "./mulaw.ts";
import { framesOf, splitSentences } from "./spoken-frames.ts";
import { createVoiceActivityDetector } from "./voice-activity.ts";

const MAX_MALFORMED = 50;
const MAX_QUEUED_TURNS = 4;

export type StreamEnd = "hangup" | "transfer" | "failed" | "stopped";

export type MediaStreamSessionOptions = {
  context: VoiceContext;
  organisationId: string;
  tts: TextToSpeech;
  stt: SpeechToText | null;
  /** Sends one text frame to the provider. */
  send(frame: string): void;
  /** Closes the stream: the provider goes on with the call (hangs up, or transfers it). */
  close(reason: StreamEnd): void;
  logger?: Pick<Logger, "info" | "warn" | "error">;
  /** No key or speech this long after a prompt ended: a silence for the flow. */
  silenceMs?: number;
  /** Between two keys of a phone number. */
  interDigitMs?: number;
  /** A call longer than this is ended (a caller, or a robot, that never hangs up). */
  maxCallMs?: number;
  /** Input (key, end of speech, start) → first audio frame sent, for benchmarks. */
  onTurn?(turn: { input: CallEvent["type"] | "start"; latencyMs: number }): void;
};

export function createMediaStreamSession(options: MediaStreamSessionOptions) {
  const { context, organisationId } = options;
  const silenceMs = options.silenceMs ?? 8_000;
  const interDigitMs = options.interDigitMs ?? 4_000;
  const vad = createVoiceActivityDetector();
  let key: CallKey | null = null;
  let streamSid = "";
  let callerNumber: string | null = null;
  let malformed = 0;
  let ended = false;
  let endedBy: StreamEnd | null = null;
  let next: CallNext = { type: "gather", maxDigits: 1, finishOnKey: false, speech: false };
  let turnId = 0;
  let queued = 0;
  let chain: Promise<void> = Promise.resolve();
  let playingMark: string | null = null;
  let digits = "";
  const timers = {
    silence: undefined as NodeJS.Timeout | undefined,
    digits: undefined as NodeJS.Timeout | undefined,
    call: undefined as NodeJS.Timeout | undefined,
  };

  function clearTimer(name: keyof typeof timers) {
    clearTimeout(timers[name]);
    timers[name] = undefined;
  }

  function finish(reason: StreamEnd) {
    if (ended) return;
    ended = true;
    endedBy = reason;
    for (const name of Object.keys(timers) as (keyof typeof timers)[]) clearTimer(name);
    options.close(reason);
  }

  async function fail(error: unknown) {
    options.logger?.error({ err: error, callSid: key?.providerCallId }, "media stream call failed");
    if (key) await endCall(context, { ...key, failed: true }).catch(() => undefined);
    finish("failed");
  }

  function bargeIn() {
    if (playingMark === null) return;
    playingMark = null;
    turnId++;
    options.send(outbound.clear(streamSid));
  }

  /**
   * Sends sentences as soon as each is spoken, yielding between them so other calls' turns are not
   * held behind a long menu. Returns false when a newer turn or the end interrupted it.
   */
  async function sendSentences(sentences: string[], id: number, onFirst: () => void): Promise<boolean> {
    for (const sentence of sentences) {
      const payloads = framesOf(await options.tts.synthesize(sentence));
      if (id !== turnId || ended) return false;
      for (const payload of payloads) options.send(outbound.mediaPayload(streamSid, payload));
      onFirst();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return id === turnId && !ended;
  }

  async function play(
    response: CallResponse,
    input: CallEvent["type"] | "start",
    since: number,
    options_: { id?: number; measured?: boolean } = {},
  ) {
    const id = options_.id ?? ++turnId;
    next = response.next;
    let measured = options_.measured ?? false;
    const onFirst = () => {
      if (measured) return;
      measured = true;
      options.onTurn?.({ input, latencyMs: performance.now() - since });
    };
    if (!(await sendSentences(splitSentences(response.say), id, onFirst))) return;
    playingMark = `tour-${id}`;
    options.send(outbound.mark(streamSid, playingMark));
  }

  /** The greeting needs no database: it is spoken while the call is being set up. */
  async function greetAndStart(started: CallKey, since: number): Promise<null> {
    const greeting = prompts.greeting({
      organisationName: context.organisationName,
      speech: options.stt !== null,
    });
    const id = ++turnId;
    let measured = false;
    const [, response] = await Promise.all([
      sendSentences(splitSentences([greeting]), id, () => {
        if (measured) return;
        measured = true;
        options.onTurn?.({ input: "start", latencyMs: performance.now() - since });
      }),
      startCall(context, { ...started, callerNumber, speech: options.stt !== null }),
    ]);
    const rest = response.say[0] === greeting ? response.say.slice(1) : response.say;
    await play({ ...response, say: rest }, "start", since, { id, measured: true });
    return null;
  }

  /** Queues one input; turns run one at a time, and a flood beyond a few is dropped. */
  function enqueue(input: CallEvent["type"] | "start", run: (since: number) => Promise<CallResponse | null>) {
    if (ended || queued >= MAX_QUEUED_TURNS) return;
    const since = performance.now();
    queued++;
    clearTimer("silence");
    chain = chain.then(async () => {
      try {
        if (ended) return;
        const response = await run(since);
        if (response) await play(response, input, since);
      } catch (error) {
        await fail(error);
      } finally {
        queued--;
      }
    });
  }

  function turn(event: CallEvent) {
    enqueue(event.type, async () =>
      key ? continueCall(context, { ...key, callerNumber, speech: options.stt !== null, event }) : null,
    );
  }

  function onPlaybackDone() {
    playingMark = null;
    if (next.type === "hangup") return finish("hangup");
    if (next.type === "transfer") return finish("transfer");
    clearTimer("silence");
    timers.silence = setTimeout(() => turn({ type: "silence" }), silenceMs).unref();
  }

  function onStart(start: StreamStart) {
    streamSid = start.streamSid;
    key = { organisationId, provider: "twilio", providerCallId: start.callSid };
    const from = start.customParameters?.From?.trim() ?? "";
    callerNumber = /^\+?[0-9]{6,15}$/.test(from) ? from : null;
    if (!isSupportedFormat(start)) {
      options.logger?.warn(
        { callSid: start.callSid, encoding: start.mediaFormat.encoding },
        "media stream: unsupported audio format",
      );
      const failed = key;
      chain = chain
        .then(async () => {
          await startCall(context, { ...failed, callerNumber, speech: false });
          await endCall(context, { ...failed, failed: true });
          finish("failed");
        })
        .catch(fail);
      return;
    }
    timers.call = setTimeout(
      () => {
        const stopped = key;
        if (stopped) void endCall(context, stopped).catch(() => undefined);
        finish("hangup");
      },
      options.maxCallMs ?? 20 * 60 * 1000,
    ).unref();
    const started = key;
    enqueue("start", (since) => greetAndStart(started, since));
  }

  function onDigit(digit: string) {
    bargeIn();
    vad.reset();
    if (!(next.type === "gather" && next.finishOnKey)) return turn({ type: "digits", digits: digit });
    clearTimer("digits");
    digits += digit;
    if (digit === "#" || digits.length >= next.maxDigits) {
      const typed = digits;
      digits = "";
      return turn({ type: "digits", digits: typed });
    }
    timers.digits = setTimeout(() => {
      const typed = digits;
      digits = "";
      turn({ type: "digits", digits: typed });
    }, interDigitMs).unref();
  }

  function onAudio(audio: Uint8Array) {
    const stt = options.stt;
    if (!stt) return;
    for (const event of vad.push(decodeMulaw(audio))) {
      if (event.type === "speech_start") {
        bargeIn();
        clearTimer("silence");
        continue;
      }
      const heard = event.audio;
      enqueue("speech", async () => {
        if (!key) return null;
        const text = await stt.transcribe(heard);
        const spoken: CallEvent = text ? { type: "speech", text } : { type: "silence" };
        return continueCall(context, { ...key, callerNumber, speech: true, event: spoken });
      });
    }
  }

  /** The stream is gone (stop frame or closed socket): the call is settled from what the flow knew. */
  async function closed(): Promise<void> {
    const stopped = key;
    finish("stopped");
    await chain;
    // A transfer goes on after the stream (the provider dials): the call is not over.
    if (stopped && endedBy !== "transfer")
      await endCall(context, stopped).catch((error: unknown) =>
        options.logger?.error({ err: error }, "media stream: end failed"),
      );
  }

  return {
    closed,
    /** One text frame from the provider. */
    receive(text: string): void {
      if (ended) return;
      const frame = parseInboundFrame(text);
      const outOfOrder =
        frame !== null && frame.event !== "connected" && frame.event !== "start" && key === null;
      if (frame === null || outOfOrder || (frame.event === "start" && key !== null)) {
        malformed++;
        if (malformed === 1)
          options.logger?.warn({ callSid: key?.providerCallId }, "media stream: malformed frame");
        if (malformed >= MAX_MALFORMED) void fail(new Error("too many malformed frames"));
        return;
      }
      switch (frame.event) {
        case "connected":
          return;
        case "start":
          onStart(frame.start);
          return;
        case "media":
          onAudio(frame.audio);
          return;
        case "dtmf":
          onDigit(frame.digit);
          return;
        case "mark":
          if (frame.name === playingMark) onPlaybackDone();
          return;
        case "stop":
          void closed();
          return;
      }
    },
    /** Resolves when the turns queued so far are done (tests, benchmarks). */
    idle(): Promise<void> {
      return chain;
    },
    get ended() {
      return ended;
    },
  };
}
