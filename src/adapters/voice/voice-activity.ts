/**
 * End-of-speech detection on 8 kHz audio, by energy: a 20 ms frame is voiced when it is well above the
 * line's own noise floor (followed slowly while nobody speaks). Speech starts after a few voiced frames
 * in a row (a click is not speech) and ends after a pause; an utterance is cut at a maximum length.
 * Simple and cheap (no model): good on a phone line, fooled by loud background voices. A model-based
 * detector (Silero) can replace it behind the same three calls.
 */
export type VoiceActivityEvent = { type: "speech_start" } | { type: "speech_end"; audio: Int16Array };

export type VoiceActivityOptions = {
  /** Samples per analysed frame (20 ms at 8 kHz). */
  frameSamples?: number;
  /** Voiced frames in a row that start speech. */
  startFrames?: number;
  /** Quiet frames in a row that end it (the caller's pause). */
  endFrames?: number;
  /** Longest utterance, in frames; longer speech is cut and sent as it is. */
  maxFrames?: number;
  /** Lowest RMS (16-bit scale) counted as speech, whatever the noise floor. */
  minRms?: number;
};

export function createVoiceActivityDetector(options: VoiceActivityOptions = {}) {
  const frameSamples = options.frameSamples ?? 160;
  const startFrames = options.startFrames ?? 3;
  const endFrames = options.endFrames ?? 35;
  const maxFrames = options.maxFrames ?? 750;
  const minRms = options.minRms ?? 400;
  let pending = new Int16Array(0);
  let noise = 100;
  let voicedRun = 0;
  let quietRun = 0;
  let speaking = false;
  let frames: Int16Array[] = [];
  const preRoll: Int16Array[] = [];

  function rmsOf(frame: Int16Array): number {
    let sum = 0;
    for (const sample of frame) sum += sample * sample;
    return Math.sqrt(sum / frame.length);
  }

  function utterance(): Int16Array {
    const kept = frames.slice(0, Math.max(1, frames.length - Math.floor(quietRun / 2)));
    const audio = new Int16Array(kept.reduce((n, frame) => n + frame.length, 0));
    let offset = 0;
    for (const frame of kept) {
      audio.set(frame, offset);
      offset += frame.length;
    }
    return audio;
  }

  function analyse(frame: Int16Array, events: VoiceActivityEvent[]): void {
    const rms = rmsOf(frame);
    const voiced = rms > Math.max(minRms, noise * 3);
    if (!speaking) {
      if (!voiced) noise = noise * 0.95 + rms * 0.05;
      preRoll.push(frame);
      if (preRoll.length > startFrames + 5) preRoll.shift();
      voicedRun = voiced ? voicedRun + 1 : 0;
      if (voicedRun >= startFrames) {
        speaking = true;
        quietRun = 0;
        frames = [...preRoll];
        events.push({ type: "speech_start" });
      }
      return;
    }
    frames.push(frame);
    quietRun = voiced ? 0 : quietRun + 1;
    if (quietRun >= endFrames || frames.length >= maxFrames) {
      events.push({ type: "speech_end", audio: utterance() });
      speaking = false;
      voicedRun = 0;
      quietRun = 0;
      frames = [];
      preRoll.length = 0;
    }
  }

  return {
    /** Feeds audio; returns what happened in it. */
    push(samples: Int16Array): VoiceActivityEvent[] {
      const events: VoiceActivityEvent[] = [];
      const all = new Int16Array(pending.length + samples.length);
      all.set(pending);
      all.set(samples, pending.length);
      let offset = 0;
      for (; offset + frameSamples <= all.length; offset += frameSamples)
        analyse(all.subarray(offset, offset + frameSamples).slice(), events);
      pending = all.slice(offset);
      return events;
    },
    get speaking() {
      return speaking;
    },
    /** Forgets a started utterance (the call moved on without it). */
    reset() {
      speaking = false;
      voicedRun = 0;
      quietRun = 0;
      frames = [];
      preRoll.length = 0;
      pending = new Int16Array(0);
    },
  };
}
