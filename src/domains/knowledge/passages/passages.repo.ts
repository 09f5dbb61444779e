/** Reads what passages are cut from: fiche trees and published local items, by id. */
import type { Db } from "../../../shared/database.ts";
import { findPublication } from "../fiche-model/parse-fiche.ts";
import type { XmlNode } from "../fiche-model/xml-tree.ts";
import { getKnowledgeRevision } from "../knowledge-revision.ts";

export type FicheTreeRow = {
  id: string;
  title: string;
  modifiedAt: string | null;
  publication: XmlNode | undefined;
};
export type LocalItemRow = {
  id: string;
  kind: "procedure" | "faq" | "news";
  slug: string;
  title: string;
  summary: string;
  body: string;
  date: Date | null;
};

export async function selectFicheTrees(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<FicheTreeRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("fiches")
    .select(["id", "title", "modified_at", "tree"])
    .where("organisation_id", "=", organisationId)
    .where("id", "in", ids)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    modifiedAt: row.modified_at,
    publication: findPublication(row.tree),
  }));
}

export async function selectPublishedLocalItems(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<LocalItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("local_items")
    .select(["id", "kind", "slug", "title", "summary", "body", "published_at", "updated_at"])
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "published")
    .where("id", "in", ids)
    .execute();
  return rows.map((row) => ({ ...row, date: row.updated_at ?? row.published_at }));
}

export function currentKnowledgeRevision(db: Db, organisationId: string): Promise<number> {
  return getKnowledgeRevision(db, organisationId);
}

export async function selectFolderTitles(
  db: Db,
  organisationId: string,
): Promise<{ sourceId: string; title: string }[]> {
  const rows = await db
    .selectFrom("fiches")
    .select(["id", "title"])
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", "N")
    .where("publication_type", "=", "Dossier")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ sourceId: row.id, title: row.title }));
}

export async function selectLocalQuestions(
  db: Db,
  organisationId: string,
): Promise<{ sourceId: string; title: string; questions: string[] }[]> {
  const rows = await db
    .selectFrom("local_items")
    .select(["id", "kind", "title", "alt_questions"])
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "published")
    .where("kind", "in", ["faq", "procedure"])
    .execute();
  return rows.map((row) => ({
    sourceId: `${row.kind}:${row.id}`,
    title: row.title,
    questions: [row.title, ...row.alt_questions],
  }));
}
