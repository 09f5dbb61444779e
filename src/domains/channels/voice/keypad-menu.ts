/**
 * The keypad menus of a call, built from the knowledge base rather than written by hand: first the
 * town's own published procedures, then the folders ("Carte d'identité", "Passeport"…) that hold the
 * procedures people most often call a town hall for — the same folders the assistant offers for a
 * vague question. A folder opens its pages; a page is asked to the assistant by its title, so the
 * answer (or the assistant's own choices) comes from the assistant's decisions, not from a copy here.
 */
import type { Db } from "../../../shared/database.ts";
import { POPULAR_PROCEDURE_IDS } from "../../knowledge/fiches/index.ts";
import type { PassageStore } from "../../knowledge/passages/index.ts";
import type { Menu, MenuItem } from "./call-state.ts";

/** A menu read aloud must stay short: each item takes two or three seconds. */
export const MAX_MENU_ITEMS = 6;
/** The town's own procedures put first in the top menu. */
export const MAX_LOCAL_ITEMS = 2;

/**
 * Folders holding the popular procedures, most popular first. Reads the knowledge's tables directly:
 * the knowledge domain exposes no "parent folder" query, and this one is small and read-only.
 */
async function popularFolders(db: Db, organisationId: string): Promise<{ id: string; title: string }[]> {
  const rows = await db
    .selectFrom("fiches as page")
    .innerJoin("fiches as folder", (join) =>
      join
        .onRef("folder.organisation_id", "=", "page.organisation_id")
        .onRef("folder.id", "=", "page.parent_id"),
    )
    .select(["page.id as pageId", "folder.id as id", "folder.title as title"])
    .where("page.organisation_id", "=", organisationId)
    .where("page.id", "in", [...POPULAR_PROCEDURE_IDS])
    .where("folder.publication_type", "=", "Dossier")
    .execute();
  const byPage = new Map(rows.map((row) => [row.pageId, row]));
  const seen = new Set<string>();
  return POPULAR_PROCEDURE_IDS.flatMap((id) => {
    const folder = byPage.get(id);
    if (!folder || seen.has(folder.id)) return [];
    seen.add(folder.id);
    return [{ id: folder.id, title: folder.title }];
  });
}

/** The first menu of a call. Empty when the knowledge base is (the caller can still ask or reach a person). */
export async function buildTopMenu(
  deps: { db: Db; passages: PassageStore },
  organisationId: string,
): Promise<Menu> {
  const [local, folders] = await Promise.all([
    deps.passages.listLocalQuestions(organisationId),
    popularFolders(deps.db, organisationId),
  ]);
  const procedures: MenuItem[] = local
    .filter((item) => item.sourceId.startsWith("procedure:"))
    .slice(0, MAX_LOCAL_ITEMS)
    .map((item) => ({ label: item.title.slice(0, 300), query: item.title.slice(0, 1000) }));
  const topics: MenuItem[] = folders.map((folder) => ({
    label: folder.title.slice(0, 300),
    query: folder.title.slice(0, 1000),
    folderId: folder.id,
  }));
  return { kind: "top", items: [...procedures, ...topics].slice(0, MAX_MENU_ITEMS) };
}

/**
 * A folder's pages as a menu, in the folder's order. Each is asked by its page title: a full title
 * finds its page (measured on the popular folders: 42 of 46 answered from their own page, the other 4
 * offered it first among the assistant's choices).
 */
export async function buildFolderMenu(
  passages: PassageStore,
  input: { organisationId: string; folderId: string },
): Promise<MenuItem[]> {
  const folder = (await passages.getPages(input.organisationId, [input.folderId])).get(input.folderId);
  const children = (folder?.children ?? []).slice(0, MAX_MENU_ITEMS);
  if (children.length === 0) return [];
  const pages = await passages.getPages(
    input.organisationId,
    children.map((child) => child.sourceId),
  );
  return children.map((child) => ({
    label: child.label.slice(0, 300),
    query: (pages.get(child.sourceId)?.title ?? child.label).slice(0, 1000),
  }));
}
