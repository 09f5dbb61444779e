import type { Config } from "../../config.ts";
import { prompts, type TextToSpeech } from "../../domains/channels/voice/index.ts";
import type { Logger } from "../../shared/logger.ts";
import { cachedTextToSpeech } from "./cached-tts.ts";
import { createEspeakTextToSpeech } from "./espeak-tts.ts";
import { createOpenAiSpeechToText } from "./openai-stt.ts";
import { splitSentences } from "./spoken-frames.ts";

/**
 * The sentences a call hears whatever the knowledge says: the greeting, the lines of every menu, the
 * questions of the flow. Each is the first thing a turn says somewhere (a folder's menu opens with
 * "Choisissez la démarche."), so a cold cache would make every caller of the first minutes wait
 * for espeak-ng at once (bench/voice-audiosocket.bench.ts).
 */
export function fixedSentences(organisationName: string): string[] {
  // The menus' own lines around their items ("Choisissez un sujet."), not the items.
  const item = { label: "ITEM", query: "ITEM" };
  const spoken = [false, true].flatMap((speech) => {
    const facts = { organisationName, speech };
    return [
      prompts.greeting(facts),
      ...prompts.menu({ kind: "top", items: [item] }, facts),
      ...prompts.menu({ kind: "folder", items: [item] }, facts),
      prompts.more(facts),
      prompts.survey(facts),
    ];
  });
  const fixed = [
    prompts.closed(),
    prompts.noAgent(),
    prompts.callbackOffer(null),
    prompts.askNumber(),
    prompts.badNumber(),
    prompts.invalid(),
    prompts.notHeard(),
    prompts.surveyThanks(),
    prompts.goodbye(),
    prompts.silentGoodbye(),
  ];
  return [...new Set(splitSentences([...spoken, ...fixed]))].filter(
    (sentence) => !sentence.includes(item.label),
  );
}

/** Speaks sentences into the cache one at a time (the start-up shares two cores with the rest). */
export async function warmSpeech(tts: TextToSpeech, sentences: string[]): Promise<void> {
  for (const sentence of sentences) await tts.synthesize(sentence);
}

/**
 * Speech for calls on audio streams: espeak-ng (offline) with a cache, the sentences every call hears
 * spoken once at start (the first callers wait for none of them, and a missing engine shows in the
 * log at once); speech-to-text only if configured.
 */
export function createVoiceEngines(config: Config, logger: Logger) {
  const stt = config.voice.stt;
  const tts = cachedTextToSpeech(createEspeakTextToSpeech());
  warmSpeech(tts, fixedSentences(config.organisation.name)).catch((error: unknown) =>
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
