/**
 * One phone call on an audio stream, whatever carries it (Twilio Media Streams over a WebSocket,
 * Asterisk AudioSocket over TCP, a function in tests): 16-bit PCM at 8 kHz, keys and the end of the
 * stream come in; end-of-speech detection → speech-to-text (when configured) → the call flow and the
 * assistant → text-to-speech → PCM goes out to the transport, which encodes, paces and frames it.
 * Turns run one at a time. An input while a prompt plays or a turn is under way stops it (barge-in:
 * the transport drops what it has not played; a reply to an older input is not spoken).
 *
 * Hostile input ends the call cleanly, with its record: malformed frames past a count, a stream the
 * pipeline cannot read (refused), minutes of silence (the flow's silence rule), a flood of keys (a
 * bounded queue, then the flow's input limit), a caller who never hangs up (a maximum call length).
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
  startCall,
} from "../../domains/channels/voice/index.ts";
import { splitSentences } from "./spoken-frames.ts";
import { createVoiceActivityDetector } from "./voice-activity.ts";
import type { StreamEnd, TurnInput, VoiceSessionOptions } from "./voice-session.types.ts";

const MAX_MALFORMED = 50;
const MAX_QUEUED_TURNS = 4;

export type {
  StreamEnd,
  TurnInput,
  TurnTiming,
  VoiceSessionOptions,
  VoiceTransport,
} from "./voice-session.types.ts";

type Measure = { flowMs: number; report(speechMs: number, waitMs: number): void };

export type VoiceSession = ReturnType<typeof createVoiceSession>;

export function createVoiceSession(options: VoiceSessionOptions) {
  const { context, organisationId, transport } = options;
  const silenceMs = options.silenceMs ?? 8_000;
  const interDigitMs = options.interDigitMs ?? 4_000;
  const speech = options.stt !== null;
  const vad = createVoiceActivityDetector();
  let key: CallKey | null = null;
  let callerNumber: string | null = null;
  let malformed = 0;
  let ended = false;
  let endedBy: StreamEnd | null = null;
  let next: CallNext = { type: "gather", maxDigits: 1, finishOnKey: false, speech: false };
  /** The turn allowed to speak; an input moves it on, so older turns fall silent. */
  let turnId = 0;
  let queued = 0;
  let busy = false;
  let chain: Promise<void> = Promise.resolve();
  /** Audio handed to the transport and not yet played through (or cleared). */
  let audible = false;
  let playingMark: string | null = null;
  let digits = "";
  let closing: Promise<void> | null = null;
  /** Records being settled outside the turns (a failure, the maximum length): the end waits for them. */
  let settling: Promise<unknown> = Promise.resolve();
  let failing = false;
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
    transport.close(reason);
  }

  /**
   * Ends the call as failed. The record is settled before the stream closes (whoever sees the end
   * sees the record), after the turn under way when the failure comes from outside the turns (its
   * call row may not be written yet).
   */
  function fail(error: unknown, from: "turn" | "stream"): Promise<void> {
    if (ended || failing) return Promise.resolve();
    failing = true;
    turnId++;
    options.logger?.error({ err: error, callId: key?.providerCallId }, "voice call failed");
    const failed = key;
    const done = (from === "stream" ? chain : Promise.resolve())
      .then(() => (failed ? endCall(context, { ...failed, failed: true }) : null))
      .catch(() => undefined)
      .then(() => finish("failed"));
    settling = Promise.all([settling, done]);
    return done;
  }

  function clearAudio() {
    if (!audible) return;
    audible = false;
    playingMark = null;
    transport.clear();
  }

  /** The caller cut in: the prompt stops, and the turn under way will not speak. */
  function bargeIn() {
    if (busy || audible) turnId++;
    clearAudio();
  }

  /**
   * Plays sentences as soon as each is spoken, yielding between them so other calls' turns are not
   * held behind a long menu. Returns false when a newer input or the end interrupted it.
   */
  async function sendSentences(sentences: string[], id: number, measure: Measure): Promise<boolean> {
    for (const sentence of sentences) {
      const asked = performance.now();
      const pcm = await options.tts.synthesize(sentence);
      if (id !== turnId || ended || failing) return false;
      const speechMs = performance.now() - asked;
      const waitMs = transport.play(pcm) ?? 0;
      audible = true;
      measure.report(speechMs, waitMs);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return id === turnId && !ended && !failing;
  }

  function firstAudio(input: TurnInput, since: number): Measure {
    let done = false;
    const measure: Measure = {
      flowMs: 0,
      report(speechMs, waitMs) {
        if (done) return;
        done = true;
        const latencyMs = performance.now() - since + waitMs;
        options.onTurn?.({ input, latencyMs, flowMs: measure.flowMs, speechMs, waitMs });
      },
    };
    return measure;
  }

  async function play(response: CallResponse, id: number, measure: Measure) {
    next = response.next;
    if (!(await sendSentences(splitSentences(response.say), id, measure))) return;
    playingMark = `tour-${id}`;
    transport.mark(playingMark);
  }

  /** The greeting needs no database: it is spoken while the call is being set up. */
  async function greetAndStart(started: CallKey, since: number, id: number): Promise<null> {
    const greeting = prompts.greeting({ organisationName: context.organisationName, speech });
    const measure = firstAudio("start", since);
    const [, response] = await Promise.all([
      sendSentences(splitSentences([greeting]), id, measure),
      startCall(context, { ...started, callerNumber, speech }),
    ]);
    const rest = response.say[0] === greeting ? response.say.slice(1) : response.say;
    await play({ ...response, say: rest }, id, measure);
    return null;
  }

  /** Queues one input; turns run one at a time, and a flood beyond a few is dropped. */
  function enqueue(input: TurnInput, run: (since: number, id: number) => Promise<CallResponse | null>) {
    if (ended || failing || queued >= MAX_QUEUED_TURNS) return;
    const since = performance.now();
    queued++;
    clearTimer("silence");
    chain = chain.then(async () => {
      try {
        // An identified call always gets its record, even when the stream ended before its start ran.
        if ((ended || failing) && input !== "start") return;
        const id = ++turnId;
        busy = true;
        const response = await run(since, id);
        const flowMs = performance.now() - since;
        if (!response) return;
        // Keys typed ahead: the flow took them all, only the reply to the last one is spoken.
        if (queued > 1) {
          next = response.next;
          return;
        }
        // What an older turn left unplayed is not this turn's: it goes.
        clearAudio();
        const measure = firstAudio(input, since);
        measure.flowMs = flowMs;
        await play(response, id, measure);
      } catch (error) {
        await fail(error, "turn");
      } finally {
        busy = false;
        queued--;
      }
    });
  }

  function turn(event: CallEvent) {
    enqueue(event.type, async () =>
      key ? continueCall(context, { ...key, callerNumber, speech, event }) : null,
    );
  }

  function onPlaybackDone() {
    audible = false;
    playingMark = null;
    if (next.type === "hangup") return finish("hangup");
    if (next.type === "transfer") return finish("transfer");
    clearTimer("silence");
    timers.silence = setTimeout(() => turn({ type: "silence" }), silenceMs).unref();
  }

  function typed() {
    const keys = digits;
    digits = "";
    turn({ type: "digits", digits: keys });
  }

  function callOf(call: { providerCallId: string; callerNumber: string | null }): CallKey {
    callerNumber = call.callerNumber && /^\+?[0-9]{6,15}$/.test(call.callerNumber) ? call.callerNumber : null;
    key = { organisationId, provider: options.provider, providerCallId: call.providerCallId };
    return key;
  }

  return {
    /** The call is identified: greeting, then the flow. */
    start(call: { providerCallId: string; callerNumber: string | null }): void {
      if (ended || key) return;
      const started = callOf(call);
      timers.call = setTimeout(
        () => {
          settling = Promise.all([settling, endCall(context, started).catch(() => undefined)]);
          finish("hangup");
        },
        options.maxCallMs ?? 20 * 60 * 1000,
      ).unref();
      enqueue("start", (since, id) => greetAndStart(started, since, id));
    },
    /** The call is identified but its stream cannot be served (another codec): recorded as failed. */
    refuse(call: { providerCallId: string; callerNumber: string | null }, reason: string): void {
      if (ended || key) return;
      const refused = callOf(call);
      options.logger?.warn({ callId: refused.providerCallId, reason }, "voice stream refused");
      chain = chain
        .then(async () => {
          await startCall(context, { ...refused, callerNumber, speech: false });
          await endCall(context, { ...refused, failed: true });
          finish("failed");
        })
        .catch((error: unknown) => fail(error, "turn"));
    },
    /** Caller audio: 16-bit PCM, 8 kHz, mono, in any slice. */
    audio(pcm: Int16Array): void {
      const stt = options.stt;
      if (ended || failing || !key || !stt) return;
      for (const event of vad.push(pcm)) {
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
    },
    /** One key: 0-9, * or #. */
    digit(digit: string): void {
      if (ended || failing || !key) return;
      bargeIn();
      vad.reset();
      if (!(next.type === "gather" && next.finishOnKey)) {
        turn({ type: "digits", digits: digit });
        return;
      }
      clearTimer("digits");
      digits += digit;
      if (digit === "#" || digits.length >= next.maxDigits) typed();
      else timers.digits = setTimeout(typed, interDigitMs).unref();
    },
    /** Playback reached a mark the session set. */
    played(name: string): void {
      if (!ended && name === playingMark) onPlaybackDone();
    },
    /** A frame the transport could not read; a few are forgiven, a stream of them ends the call. */
    malformed(): void {
      if (ended) return;
      malformed++;
      if (malformed === 1)
        options.logger?.warn({ callId: key?.providerCallId }, "voice stream: malformed frame");
      if (malformed >= MAX_MALFORMED) void fail(new Error("too many malformed frames"), "stream");
    },
    /** The stream broke (its framing is lost): the call ends as failed. */
    fail(reason: string): void {
      void fail(new Error(reason), "stream");
    },
    /** The stream is gone (its end, or a dropped line): the call is settled from what the flow knew. */
    closed(): Promise<void> {
      closing ??= (async () => {
        const stopped = key;
        finish("stopped");
        await chain;
        await settling;
        // A transfer goes on after the stream (the provider dials): the call is not over.
        if (stopped && endedBy !== "transfer")
          await endCall(context, stopped).catch((error: unknown) =>
            options.logger?.error({ err: error }, "voice stream: end failed"),
          );
      })();
      return closing;
    },
    /** Resolves when the turns queued so far are done (tests, benchmarks). */
    idle(): Promise<void> {
      return chain;
    },
    get started() {
      return key !== null;
    },
    get ended() {
      return ended;
    },
  };
}
