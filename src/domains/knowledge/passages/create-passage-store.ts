/**
 * Passages of the pages search found, cut on demand and kept in a bounded cache per process.
 * Fiche trees are large (the whole catalogue is ~400 MB of JSON), so they are never all in memory:
 * a page is read and cut the first time an answer needs it. The cache of an organisation is dropped
 * when its knowledge revision moves (an import or an edit), checked at most every REVISION_CHECK_MS.
 */
import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import { localBodyText } from "../local/local-body.ts";
import { extractFichePassages, extractFolderChildren } from "./extract-fiche-passages.ts";
import type { PagePassages } from "./passage.ts";
import {
  currentKnowledgeRevision,
  selectFicheTrees,
  selectFolderTitles,
  selectLocalQuestions,
  selectPublishedLocalItems,
} from "./passages.repo.ts";

export type PassageStore = {
  /** The pages among `sourceIds` that exist (fiche ids or "faq:<uuid>"…), in no particular order. */
  getPages(organisationId: string, sourceIds: string[]): Promise<Map<string, PagePassages>>;
  /** Every folder ("Dossier") of the catalogue: the topics a vague question may be about. */
  listFolders(organisationId: string): Promise<FolderTitle[]>;
  /** The town's published FAQ entries and procedures: their questions, to prefer them when they match. */
  listLocalQuestions(organisationId: string): Promise<LocalQuestions[]>;
  /** Checks the knowledge revision now (instead of within REVISION_CHECK_MS), dropping stale pages. */
  refresh(organisationId: string): Promise<void>;
};

export type LocalQuestions = { sourceId: string; title: string; questions: string[] };

export type FolderTitle = { sourceId: string; title: string };

const REVISION_CHECK_MS = 2_000;
const LOCAL_ID = /^(faq|procedure|news):([0-9a-f-]{36})$/;
const LOCAL_URLS = { faq: "/faq#", procedure: "/demarches/", news: "/actualites/" } as const;

type OrganisationCache = {
  revision: number;
  checkedAt: number;
  pages: Map<string, PagePassages>;
  folders: Promise<FolderTitle[]> | undefined;
  local: Promise<LocalQuestions[]> | undefined;
};

function isoDate(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value.slice(0, 10);
  return value.toISOString().slice(0, 10);
}

export function createPassageStore(options: { db: RootDb; clock: Clock; maxPages?: number }): PassageStore {
  const { db, clock } = options;
  const maxPages = options.maxPages ?? 3_000;
  const caches = new Map<string, OrganisationCache>();

  async function cacheOf(organisationId: string, force = false): Promise<OrganisationCache> {
    const now = clock.now().getTime();
    let cache = caches.get(organisationId);
    if (cache && !force && now - cache.checkedAt < REVISION_CHECK_MS) return cache;
    const revision = await currentKnowledgeRevision(db, organisationId);
    if (!cache || cache.revision !== revision) {
      cache = { revision, checkedAt: now, pages: new Map(), folders: undefined, local: undefined };
      caches.set(organisationId, cache);
    }
    cache.checkedAt = now;
    return cache;
  }

  async function load(organisationId: string, ids: string[]): Promise<PagePassages[]> {
    const ficheIds = ids.filter((id) => !LOCAL_ID.test(id));
    const localIds = ids.flatMap((id) => LOCAL_ID.exec(id)?.[2] ?? []);
    const [fiches, items] = await Promise.all([
      selectFicheTrees(db, organisationId, ficheIds),
      selectPublishedLocalItems(db, organisationId, localIds),
    ]);
    return [
      ...fiches.map((fiche) => ({
        sourceId: fiche.id,
        title: fiche.title,
        url: `/fiches/${encodeURIComponent(fiche.id)}`,
        date: isoDate(fiche.modifiedAt),
        passages: fiche.publication ? extractFichePassages(fiche.publication) : [],
        children: fiche.publication ? extractFolderChildren(fiche.publication) : [],
      })),
      ...items.map((item) => ({
        sourceId: `${item.kind}:${item.id}`,
        title: item.title,
        url: `${LOCAL_URLS[item.kind]}${encodeURIComponent(item.slug)}`,
        date: isoDate(item.date),
        // A town's answer is written to be read whole: one passage, its summary first.
        passages: [
          { headings: [], text: [item.summary, localBodyText(item.body)].filter(Boolean).join("\n") },
        ],
      })),
    ];
  }

  return {
    async refresh(organisationId) {
      await cacheOf(organisationId, true);
    },
    async listFolders(organisationId) {
      const cache = await cacheOf(organisationId);
      cache.folders ??= selectFolderTitles(db, organisationId);
      return cache.folders;
    },
    async listLocalQuestions(organisationId) {
      const cache = await cacheOf(organisationId);
      cache.local ??= selectLocalQuestions(db, organisationId);
      return cache.local;
    },
    async getPages(organisationId, sourceIds) {
      const cache = await cacheOf(organisationId);
      const found = new Map<string, PagePassages>();
      const missing: string[] = [];
      for (const id of new Set(sourceIds)) {
        const page = cache.pages.get(id);
        if (page) {
          // Re-insert: Map order is the eviction order (least recently used first).
          cache.pages.delete(id);
          cache.pages.set(id, page);
          found.set(id, page);
        } else missing.push(id);
      }
      if (missing.length > 0) {
        for (const page of await load(organisationId, missing)) {
          cache.pages.set(page.sourceId, page);
          found.set(page.sourceId, page);
        }
        while (cache.pages.size > maxPages) {
          const oldest = cache.pages.keys().next().value as string;
          cache.pages.delete(oldest);
        }
      }
      return found;
    },
  };
}
