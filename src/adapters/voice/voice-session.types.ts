/** The words of a voice session (voice-session.ts): the line it speaks on, its options, its timings. */
import type {
  CallEvent,
  CallKey,
  SpeechToText,
  TextToSpeech,
  VoiceContext,
} from "../../domains/channels/voice/index.ts";
import type { Logger } from "../../shared/logger.ts";

export type StreamEnd = "hangup" | "transfer" | "failed" | "stopped";
export type TurnInput = CallEvent["type"] | "start";

/** What a session needs from the line it speaks on. */
export type VoiceTransport = {
  /**
   * One spoken sentence (16-bit PCM, 8 kHz, mono), played after what was sent before. A cached
   * sentence comes back as the very same array, so a transport may cache its encoding. A transport
   * that paces its writes returns how long before the first of it goes out (for the turn timings).
   */
  play(pcm: Int16Array): number | undefined;
  /** A point after the audio sent so far: the transport calls `played(name)` once playback reaches it. */
  mark(name: string): void;
  /** Drops the audio not played yet (the caller cut in). */
  clear(): void;
  /** Ends the stream: the call is over, or goes on elsewhere (a transfer). */
  close(reason: StreamEnd): void;
};

export type VoiceSessionOptions = {
  context: VoiceContext;
  organisationId: string;
  provider: CallKey["provider"];
  tts: TextToSpeech;
  stt: SpeechToText | null;
  transport: VoiceTransport;
  logger?: Pick<Logger, "info" | "warn" | "error">;
  /** No key or speech this long after a prompt ended: a silence for the flow. */
  silenceMs?: number;
  /** Between two keys of a phone number. */
  interDigitMs?: number;
  /** A call longer than this is ended (a caller, or a robot, that never hangs up). */
  maxCallMs?: number;
  /** Input (key, end of speech, start) → first audio written, and its parts, for benchmarks. */
  onTurn?(turn: TurnTiming): void;
};

export type TurnTiming = {
  input: TurnInput;
  latencyMs: number;
  /** The call flow: database, assistant, speech-to-text (0 for the greeting, said meanwhile). */
  flowMs: number;
  /** Waiting for the first sentence's audio (a speech cache miss runs espeak-ng). */
  speechMs: number;
  /** The transport's pacing before that audio goes out. */
  waitMs: number;
};
