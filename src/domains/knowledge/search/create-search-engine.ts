/**
 * The search engine of a process: one in-memory index per organisation, rebuilt from the database
 * (the source of truth) when the organisation's knowledge revision changes. The revision is read
 * at most every REVISION_CHECK_MS; a rebuild runs in the background while the old index serves.
 */
import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import { findKnowledgeRevision, listFicheRecords, listPublishedLocalItemRecords } from "./search.repo.ts";
import type { SearchEngine } from "./search.types.ts";
import { ficheToDocument, localItemToDocument } from "./search-documents.ts";
import { buildSearchIndex, querySearchIndex, type SearchIndex } from "./search-index.ts";
import { MAX_LIMIT } from "./search-query.ts";

export type WarmableSearchEngine = SearchEngine & {
  /** Builds (or rebuilds) the organisation's index ahead of the first query; resolves when current. */
  warm(organisationId: string): Promise<void>;
};

const REVISION_CHECK_MS = 2_000;
const DEFAULT_LIMIT = 10;

type OrganisationIndex = {
  index: SearchIndex;
  revision: string;
  checkedAt: number;
  rebuilding: Promise<void> | undefined;
};

export function createSearchEngine(options: { db: RootDb; clock: Clock }): WarmableSearchEngine {
  const { db, clock } = options;
  const states = new Map<string, OrganisationIndex>();
  const firstBuilds = new Map<string, Promise<OrganisationIndex>>();

  async function build(organisationId: string): Promise<{ index: SearchIndex; revision: string }> {
    // Read the revision first: a change made during the build triggers another build later.
    const revision = await findKnowledgeRevision(db, organisationId);
    const [fiches, items] = await Promise.all([
      listFicheRecords(db, organisationId),
      listPublishedLocalItemRecords(db, organisationId),
    ]);
    const index = buildSearchIndex([...fiches.map(ficheToDocument), ...items.map(localItemToDocument)]);
    return { index, revision };
  }

  function firstBuild(organisationId: string): Promise<OrganisationIndex> {
    let pending = firstBuilds.get(organisationId);
    if (!pending) {
      pending = build(organisationId).then(({ index, revision }) => {
        const state = { index, revision, checkedAt: clock.now().getTime(), rebuilding: undefined };
        states.set(organisationId, state);
        return state;
      });
      pending.finally(() => firstBuilds.delete(organisationId)).catch(() => {});
      firstBuilds.set(organisationId, pending);
    }
    return pending;
  }

  function rebuild(state: OrganisationIndex, organisationId: string): Promise<void> {
    state.rebuilding ??= build(organisationId)
      .then(({ index, revision }) => {
        state.index = index;
        state.revision = revision;
      })
      .finally(() => {
        state.rebuilding = undefined;
      });
    return state.rebuilding;
  }

  /** Starts a rebuild when the revision moved; returns it so `warm` can wait for it. */
  async function refresh(organisationId: string, force: boolean): Promise<OrganisationIndex> {
    const state = states.get(organisationId) ?? (await firstBuild(organisationId));
    const now = clock.now().getTime();
    if (!force && now - state.checkedAt < REVISION_CHECK_MS) return state;
    state.checkedAt = now;
    const revision = await findKnowledgeRevision(db, organisationId);
    if (revision !== state.revision) {
      const pending = rebuild(state, organisationId);
      if (force) await pending;
      else pending.catch(() => {}); // the old index keeps serving; the next check retries
    }
    return state;
  }

  return {
    async warm(organisationId) {
      const state = await refresh(organisationId, true);
      if (state.rebuilding) await state.rebuilding;
    },
    async search(request) {
      const state = await refresh(request.organisationId, false);
      const limit = Math.min(Math.max(1, request.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
      return querySearchIndex(state.index, { text: request.text, audience: request.audience, limit });
    },
  };
}
