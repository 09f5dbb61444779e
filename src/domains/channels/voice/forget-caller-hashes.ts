/**
 * The caller pseudonym (SHA-256 of the number) serves to count repeat calls over weeks, not years: it
 * is erased with the conversations' retention. The call's times, path and outcome stay for the results.
 */
import type { Db } from "../../../shared/database.ts";

export async function forgetCallerHashes(db: Db, input: { before: Date }): Promise<{ forgotten: number }> {
  const result = await db
    .updateTable("calls")
    .set({ caller_hash: null })
    .where("caller_hash", "is not", null)
    .where("started_at", "<", input.before)
    .executeTakeFirst();
  return { forgotten: Number(result.numUpdatedRows) };
}
