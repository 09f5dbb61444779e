import type { Db } from "../../shared/database.ts";
import type { Organisation } from "./organisation.ts";

/** The organisations with these slugs (those that exist; the caller reports the missing ones). */
export async function findOrganisationsBySlug(db: Db, slugs: readonly string[]): Promise<Organisation[]> {
  if (slugs.length === 0) return [];
  return db
    .selectFrom("organisations")
    .select(["id", "slug", "name"])
    .where("slug", "in", [...new Set(slugs)])
    .execute();
}

/** Every organisation of the instance, for the tasks that run for each (retention). */
export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return db.selectFrom("organisations").select(["id", "slug", "name"]).orderBy("slug").execute();
}
