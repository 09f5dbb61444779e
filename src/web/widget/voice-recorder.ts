/**
 * Records one spoken question in the browser: microphone → AudioContext → PCM → 16 kHz WAV. It stops
 * when asked, after ~1.2 s of quiet once the citizen has spoken, or at 30 seconds.
 * A ScriptProcessorNode captures the samples rather than an AudioWorklet: a worklet is a module loaded
 * from a URL, which the strict CSP of a town's site (or our own `script-src 'self'` for a blob: URL)
 * may refuse, and cross-origin module loading from the widget would need more; the processor needs none.
 * Shared by the widget and the /assistant page script.
 */
import { createSpeechEndDetector, downsample, encodeWav, UPLOAD_RATE } from "./voice-wav.ts";

export const MAX_RECORDING_MS = 30_000;
const FRAME = 4096;

export type VoiceFailure = "denied" | "no_microphone" | "unsupported" | "no_speech" | "network";

export class VoiceError extends Error {
  constructor(readonly reason: VoiceFailure) {
    super(reason);
  }
}

export type Recording = {
  /** Ends the recording now (the "Arrêter" button). */
  stop(): void;
  /** The WAV, once the recording ended by itself or was stopped; VoiceError("no_speech") when silent. */
  result: Promise<Blob>;
};

type AudioContextClass = typeof AudioContext;

export function recorderAvailable(): boolean {
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return (
    typeof navigator.mediaDevices?.getUserMedia === "function" &&
    Boolean(w.AudioContext ?? w.webkitAudioContext)
  );
}

function failureOf(error: unknown): VoiceFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "NotReadableError")
    return "no_microphone";
  return "unsupported";
}

/** Call from the click handler: the AudioContext is created while the click still counts as a gesture. */
export async function startRecording(options: { onEnd?: () => void } = {}): Promise<Recording> {
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  const Context = w.AudioContext ?? w.webkitAudioContext;
  if (!Context || typeof navigator.mediaDevices?.getUserMedia !== "function")
    throw new VoiceError("unsupported");
  const context = new Context();
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  } catch (error) {
    void context.close();
    throw new VoiceError(failureOf(error));
  }
  await context.resume().catch(() => undefined);
  const rate = context.sampleRate;
  const maxFrames = Math.floor((MAX_RECORDING_MS / 1000) * rate);
  const source = context.createMediaStreamSource(stream);
  const processor = context.createScriptProcessor(FRAME, 1, 1);
  const detector = createSpeechEndDetector({ sampleRate: rate });
  const chunks: Float32Array[] = [];
  let frames = 0;
  let finish: (manual: boolean) => void = () => undefined;

  const result = new Promise<Blob>((resolve, reject) => {
    let done = false;
    finish = (manual) => {
      if (done) return;
      done = true;
      processor.onaudioprocess = null;
      processor.disconnect();
      source.disconnect();
      for (const track of stream.getTracks()) track.stop();
      void context.close();
      if (!manual) options.onEnd?.();
      // Stopped by hand, what was said is sent even if it was quiet: the server checks for silence.
      if (!detector.heardSpeech && (!manual || frames < rate * 0.3)) {
        reject(new VoiceError("no_speech"));
        return;
      }
      const all = new Float32Array(frames);
      let offset = 0;
      for (const chunk of chunks) {
        all.set(chunk, offset);
        offset += chunk.length;
      }
      const outRate = Math.min(rate, UPLOAD_RATE);
      resolve(new Blob([encodeWav(downsample(all, rate, outRate), outRate)], { type: "audio/wav" }));
    };
  });

  processor.onaudioprocess = (event) => {
    const input = event.inputBuffer.getChannelData(0);
    const kept = input.slice(0, Math.max(0, maxFrames - frames));
    chunks.push(kept);
    frames += kept.length;
    const verdict = detector.push(input);
    if (frames >= maxFrames || verdict !== "listening") finish(false);
  };
  source.connect(processor);
  // A processor only runs when connected to the output; it writes nothing, so nothing is heard.
  processor.connect(context.destination);
  return { stop: () => finish(true), result };
}
