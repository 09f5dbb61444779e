import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import type { SearchEngine } from "./search.types.ts";

export type WarmableSearchEngine = SearchEngine & {
  /** Builds (or rebuilds) the organisation's index ahead of the first query. */
  warm(organisationId: string): Promise<void>;
};

/** STUB — replaced by the search work. */
export function createSearchEngine(_options: { db: RootDb; clock: Clock }): WarmableSearchEngine {
  return {
    search: async () => [],
    warm: async () => {},
  };
}
