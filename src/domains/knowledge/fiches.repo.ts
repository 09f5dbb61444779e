import type { Db } from "../../shared/database.ts";
import type { FicheRow } from "./import/fiche-row.ts";

export async function countFiches(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("fiches")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** id → content hash of every fiche of the organisation, loaded once per import. */
export async function listFicheHashes(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("fiches")
    .select(["id", "content_hash"])
    .where("organisation_id", "=", organisationId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.content_hash]));
}

/** Inserts new fiches and rewrites changed ones in one statement; `imported_at` keeps its first value. */
export async function upsertFiches(
  db: Db,
  input: { organisationId: string; source: string; now: Date; rows: FicheRow[] },
): Promise<void> {
  if (input.rows.length === 0) return;
  await db
    .insertInto("fiches")
    .values(
      input.rows.map((row) => ({
        ...row,
        organisation_id: input.organisationId,
        source: input.source,
        imported_at: input.now,
        updated_at: input.now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["organisation_id", "id"]).doUpdateSet((eb) => ({
        kind: eb.ref("excluded.kind"),
        publication_type: eb.ref("excluded.publication_type"),
        audiences: eb.ref("excluded.audiences"),
        title: eb.ref("excluded.title"),
        description: eb.ref("excluded.description"),
        subject: eb.ref("excluded.subject"),
        breadcrumb: eb.ref("excluded.breadcrumb"),
        theme_id: eb.ref("excluded.theme_id"),
        parent_id: eb.ref("excluded.parent_id"),
        search_text: eb.ref("excluded.search_text"),
        tree: eb.ref("excluded.tree"),
        content_hash: eb.ref("excluded.content_hash"),
        source: eb.ref("excluded.source"),
        modified_at: eb.ref("excluded.modified_at"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

export async function deleteFiches(db: Db, input: { organisationId: string; ids: string[] }): Promise<void> {
  for (let start = 0; start < input.ids.length; start += 1000) {
    await db
      .deleteFrom("fiches")
      .where("organisation_id", "=", input.organisationId)
      .where("id", "in", input.ids.slice(start, start + 1000))
      .execute();
  }
}

/** Unchanged fiches now come from this source too (e.g. a newer package version with the same text). */
export async function setFichesSource(
  db: Db,
  input: { organisationId: string; source: string; ids: string[] },
): Promise<void> {
  for (let start = 0; start < input.ids.length; start += 1000) {
    await db
      .updateTable("fiches")
      .set({ source: input.source })
      .where("organisation_id", "=", input.organisationId)
      .where("source", "<>", input.source)
      .where("id", "in", input.ids.slice(start, start + 1000))
      .execute();
  }
}
