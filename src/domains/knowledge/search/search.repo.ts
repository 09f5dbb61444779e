/** The queries search runs: everything it indexes for one organisation, and the revision. */
import { sql } from "kysely";
import type { Db } from "../../../shared/database.ts";
import type { FicheRecord, LocalItemRecord } from "./search-documents.ts";

export async function listFicheRecords(db: Db, organisationId: string): Promise<FicheRecord[]> {
  const rows = await db
    .selectFrom("fiches")
    .select([
      "id",
      "kind",
      "publication_type",
      "audiences",
      "title",
      "description",
      "subject",
      "breadcrumb",
      "search_text",
    ])
    .where("organisation_id", "=", organisationId)
    .execute();
  return rows;
}

export async function listPublishedLocalItemRecords(
  db: Db,
  organisationId: string,
): Promise<LocalItemRecord[]> {
  return db
    .selectFrom("local_items")
    .select(["id", "kind", "slug", "title", "summary", "body", "alt_questions"])
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "published")
    .execute();
}

/** As text: PostgreSQL returns bigint as a string, PGlite as a number. */
export async function findKnowledgeRevision(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom("knowledge_revisions")
    .select(sql<string>`revision::text`.as("revision"))
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return row?.revision ?? "0";
}
