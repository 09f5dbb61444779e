import { sql } from "kysely";
import type { Db } from "../../shared/database.ts";

/** Every change to fiches or local content bumps this, so each process rebuilds its search index. */
export async function bumpKnowledgeRevision(db: Db, organisationId: string): Promise<void> {
  await db
    .insertInto("knowledge_revisions")
    .values({ organisation_id: organisationId, revision: 1 })
    .onConflict((oc) =>
      oc.column("organisation_id").doUpdateSet({
        revision: sql`knowledge_revisions.revision + 1`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function getKnowledgeRevision(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("knowledge_revisions")
    .select("revision")
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return row?.revision ?? 0;
}
