/**
 * A speech recogniser: what the caller said, as text. None ships offline for French, so it is a
 * plug-in (an OpenAI-compatible /audio/transcriptions service, or a local engine with a model the
 * operator supplies); without one, calls run on the keypad menus.
 */
export type SpeechToText = {
  /** Signed 16-bit PCM, 8 kHz, mono in; the words heard, or null when nothing usable was heard. */
  transcribe(pcm: Int16Array, options?: { signal?: AbortSignal }): Promise<string | null>;
};
