import type { Insertable, Transaction } from "kysely";
import type { Database } from "../../shared/database.ts";

/** Tables whose rows carry the form's one-time key, unique per organisation. */
type KeyedTable = "suggestions" | "testimonials";

/**
 * Inserts a citizen's submission unless the same form was already posted (same organisation and
 * submission key): a double click or a resent form stores one row. Says which row holds it.
 */
export async function insertOncePerSubmission<T extends KeyedTable>(
  trx: Transaction<Database>,
  table: T,
  row: Insertable<Database[T]> & { id: string; organisation_id: string; submission_key: string | null },
): Promise<{ id: string; created: boolean }> {
  const inserted = await trx
    .insertInto(table as KeyedTable)
    .values(row as never)
    .onConflict((oc) => oc.columns(["organisation_id", "submission_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  // Without a key there is no conflict: the insert went through, or it failed loudly.
  if (row.submission_key === null) throw new Error(`${table}: insert returned no row`);
  const existing = await trx
    .selectFrom(table as KeyedTable)
    .select("id")
    .where("organisation_id", "=", row.organisation_id)
    .where("submission_key", "=", row.submission_key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}
