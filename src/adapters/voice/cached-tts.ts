/**
 * A memory cache in front of a speech engine: the greeting, the menus and the prompts are the same on
 * every call, so most turns send audio at once instead of waiting for the engine. Least recently used
 * entries go first once the cache holds `maxSamples` (8 000 samples = one second, 16 kB).
 */
import type { TextToSpeech } from "../../domains/channels/voice/index.ts";

export function cachedTextToSpeech(
  engine: TextToSpeech,
  options: { maxSamples?: number } = {},
): TextToSpeech {
  const maxSamples = options.maxSamples ?? 8_000 * 60 * 30;
  const cache = new Map<string, Promise<Int16Array>>();
  const sizes = new Map<string, number>();
  let total = 0;

  function evict() {
    for (const [key] of cache) {
      if (total <= maxSamples) break;
      total -= sizes.get(key) ?? 0;
      sizes.delete(key);
      cache.delete(key);
    }
  }

  return {
    synthesize(text, call) {
      const known = cache.get(text);
      if (known) {
        cache.delete(text);
        cache.set(text, known);
        return known;
      }
      const pending = engine.synthesize(text, call);
      cache.set(text, pending);
      pending.then(
        (audio) => {
          if (!cache.has(text)) return;
          sizes.set(text, audio.length);
          total += audio.length;
          evict();
        },
        () => cache.delete(text),
      );
      return pending;
    },
  };
}
