/**
 * Retention of call recordings: the references to recordings older than RETENTION_RECORDINGS_DAYS are
 * cleared from the call rows (the call's times, path and outcome stay for the results). The audio is
 * held by the telephony provider: deleting it there is the operator's job (README), on the same delay.
 */
import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeExpiredRecordings(
  db: RootDb,
  input: { organisationId: string; retentionDays: number; clock: Clock },
): Promise<{ recordings: number }> {
  const now = input.clock.now();
  const cutoff = new Date(now.getTime() - input.retentionDays * DAY_MS);
  return db.transaction().execute(async (trx) => {
    const cleared = await trx
      .updateTable("calls")
      .set({ recording_ref: null })
      .where("organisation_id", "=", input.organisationId)
      .where("recording_ref", "is not", null)
      .where("recorded_at", "<", cutoff)
      .executeTakeFirst();
    const recordings = Number(cleared.numUpdatedRows);
    if (recordings > 0)
      await recordEvent(trx, {
        organisationId: input.organisationId,
        entityType: "call",
        entityId: "retention",
        action: "recordings.purged",
        data: { recordings, retentionDays: input.retentionDays },
        at: now,
      });
    return { recordings };
  });
}
