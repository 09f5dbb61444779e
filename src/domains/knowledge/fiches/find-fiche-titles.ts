import type { Db } from "../../../shared/database.ts";

/** Titles of the publications we hold among `ids`, in one query; absent ids are simply missing. */
export async function findFicheTitles(
  db: Db,
  options: { organisationId: string; ids: string[] },
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (options.ids.length === 0) return titles;
  const rows = await db
    .selectFrom("fiches")
    .select(["id", "title"])
    .where("organisation_id", "=", options.organisationId)
    .where("id", "in", options.ids)
    .execute();
  for (const row of rows) titles.set(row.id, row.title);
  return titles;
}
