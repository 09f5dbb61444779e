/**
 * Speech-to-text through an OpenAI-compatible `/audio/transcriptions` endpoint (a self-hosted
 * Whisper server, or a provider the town chose): the caller's audio goes up as a WAV file in a
 * multipart form, the text comes back. Bounded in time; any failure reads as "nothing heard" for the
 * call (which falls back to the keypad), and is reported by `onFailure` for the logs.
 */
import type { SpeechToText } from "../../domains/channels/voice/index.ts";
import { VOICE_SAMPLE_RATE } from "../../domains/channels/voice/index.ts";
import { encodeWav } from "./wav.ts";

export type SttFailure = "timeout" | "http_error" | "bad_response" | "network";

export function createOpenAiSpeechToText(options: {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  language?: string;
  onFailure?: (failure: { reason: SttFailure; status?: number }) => void;
  fetch?: typeof fetch;
}): SpeechToText {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async transcribe(pcm, call = {}) {
      const form = new FormData();
      form.set("model", options.model);
      form.set("language", options.language ?? "fr");
      form.set("response_format", "json");
      form.set("file", new Blob([encodeWav(pcm, VOICE_SAMPLE_RATE)], { type: "audio/wav" }), "appel.wav");
      const signals = [AbortSignal.timeout(timeoutMs), ...(call.signal ? [call.signal] : [])];
      try {
        const response = await doFetch(`${options.baseUrl}/audio/transcriptions`, {
          method: "POST",
          body: form,
          headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
          signal: AbortSignal.any(signals),
        });
        if (!response.ok) {
          options.onFailure?.({ reason: "http_error", status: response.status });
          return null;
        }
        const body = (await response.json()) as unknown;
        const text =
          body && typeof body === "object" && typeof (body as { text?: unknown }).text === "string"
            ? (body as { text: string }).text.trim()
            : null;
        if (text === null) options.onFailure?.({ reason: "bad_response" });
        return text ? text.slice(0, 2_000) : null;
      } catch (error) {
        const reason: SttFailure = (error as Error).name === "TimeoutError" ? "timeout" : "network";
        options.onFailure?.({ reason });
        return null;
      }
    },
  };
}
