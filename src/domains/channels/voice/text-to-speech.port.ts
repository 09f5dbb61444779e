/**
 * A speech engine, as the voice channel needs it: French text in, telephone audio out. The default
 * adapter is espeak-ng (offline, Debian); a town can plug in a better engine behind the same type.
 */
export type TextToSpeech = {
  /** Signed 16-bit PCM, 8 kHz, mono: what telephony carries (encoded to µ-law or sent as is). */
  synthesize(text: string, options?: { signal?: AbortSignal }): Promise<Int16Array>;
};

/** Sample rate of every audio buffer the voice channel handles. */
export const VOICE_SAMPLE_RATE = 8_000;
