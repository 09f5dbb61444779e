import type { Config } from "../../config.ts";
import { prompts } from "../../domains/channels/voice/index.ts";
import type { Logger } from "../../shared/logger.ts";
import { cachedTextToSpeech } from "./cached-tts.ts";
import { createEspeakTextToSpeech } from "./espeak-tts.ts";
import { createOpenAiSpeechToText } from "./openai-stt.ts";
import { splitSentences } from "./spoken-frames.ts";

/**
 * Speech for calls on audio streams: espeak-ng (offline) with a cache, its greetings spoken once at
 * start (the first caller waits for none, and a missing engine shows in the log at once);
 * speech-to-text only if configured.
 */
export function createVoiceEngines(config: Config, logger: Logger) {
  const stt = config.voice.stt;
  const tts = cachedTextToSpeech(createEspeakTextToSpeech());
  const greeting = prompts.greeting({ organisationName: config.organisation.name, speech: false });
  for (const sentence of splitSentences([greeting]))
    tts
      .synthesize(sentence)
      .catch((error: unknown) =>
        logger.warn({ err: error }, "text-to-speech unavailable: calls on audio streams will fail"),
      );
  return {
    tts,
    stt: stt
      ? createOpenAiSpeechToText({
          ...stt,
          onFailure: (failure) => logger.warn(failure, "speech-to-text failed"),
        })
      : null,
  };
}
