import type { Config } from "../../config.ts";
import type { AssistantContext } from "../../domains/assistant/index.ts";
import type { SmsSender, SpeechToText, TextToSpeech } from "../../domains/channels/voice/index.ts";
import type { Organisation } from "../../domains/identity/index.ts";
import type { SearchEngine } from "../../domains/knowledge/search/search.types.ts";
import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import type { Logger } from "../../shared/logger.ts";
import type { Readiness } from "./readiness.ts";

/** Everything a route needs, built once by main.ts (or by a test). */
export type AppDeps = {
  config: Config;
  db: RootDb;
  engine: "postgres" | "pglite";
  clock: Clock;
  logger: Logger;
  /** The organisation this deployment serves (multi-organisation routing comes later). */
  organisation: Organisation;
  readiness: Readiness;
  search: SearchEngine;
  /** The assistant's use cases' dependencies (search, passages, optional LLM). */
  assistant: AssistantContext;
  /** Speech engines for calls on audio streams; absent: no stream route (webhook calls still work). */
  voice?: { tts: TextToSpeech; stt: SpeechToText | null } | undefined;
  /** SMS gateway (SMS_API_URL); absent: the phone assistant never offers to send a link. */
  sms?: SmsSender | null | undefined;
};
