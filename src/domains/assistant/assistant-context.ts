import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import { createPassageStore, type PassageStore } from "../knowledge/passages/index.ts";
import type { SearchEngine } from "../knowledge/search/search.types.ts";
import type { LlmClient } from "./llm.port.ts";

/** What the assistant's use cases need, built once by main.ts (or a test). */
export type AssistantContext = {
  db: RootDb;
  clock: Clock;
  search: SearchEngine;
  passages: PassageStore;
  /** Base URL of the public site, for absolute source links. */
  publicUrl: string;
  /** Optional generative mode; absent = extractive answers only (the offline default). */
  llm?: { client: LlmClient; timeoutMs: number } | undefined;
};

/** The assistant of one process: its passage cache is shared by every conversation. */
export function createAssistantContext(options: Omit<AssistantContext, "passages">): AssistantContext {
  return { ...options, passages: createPassageStore({ db: options.db, clock: options.clock }) };
}
