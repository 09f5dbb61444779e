import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import type { Organisation } from "./organisation.ts";

/**
 * Returns the organisation with this slug, creating it on first start.
 * Safe when several processes start at once (ON CONFLICT DO NOTHING, then read).
 */
export async function ensureOrganisation(
  db: Db,
  input: { slug: string; name: string },
): Promise<Organisation> {
  const id = newId();
  const inserted = await db
    .insertInto("organisations")
    .values({ id, slug: input.slug, name: input.name, settings: "{}" })
    .onConflict((oc) => oc.column("slug").doNothing())
    .returning(["id", "slug", "name"])
    .executeTakeFirst();
  if (inserted) {
    await db.insertInto("knowledge_revisions").values({ organisation_id: id }).execute();
    await recordEvent(db, {
      organisationId: id,
      entityType: "organisation",
      entityId: id,
      action: "created",
    });
    return inserted;
  }
  return db
    .selectFrom("organisations")
    .select(["id", "slug", "name"])
    .where("slug", "=", input.slug)
    .executeTakeFirstOrThrow();
}
