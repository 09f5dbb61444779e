import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention of the e-mail channel's journals (RETENTION_EMAILS_DAYS): raw inbound messages received
 * before the cut-off, whatever became of them (the case keeps its own copy of text and documents),
 * and outbox rows settled (sent or failed) before it. Mail still waiting to leave is kept. Deletes in
 * batches, each its own transaction, so an embedded database keeps serving requests in between; one
 * event per organisation and run, with counts only.
 */
export async function purgeExpiredEmails(
  db: RootDb,
  input: { organisationId: string; retentionDays: number; clock: Clock; batchSize?: number },
): Promise<{ inbound: number; outbox: number }> {
  const cutoff = new Date(input.clock.now().getTime() - input.retentionDays * DAY_MS);
  const batch = input.batchSize ?? 500;
  const total = { inbound: 0, outbox: 0 };
  for (;;) {
    const deleted = await db.transaction().execute(async (trx) => {
      const inbound = await trx
        .deleteFrom("inbound_emails")
        .where(
          "id",
          "in",
          trx
            .selectFrom("inbound_emails")
            .select("id")
            .where("organisation_id", "=", input.organisationId)
            .where("received_at", "<", cutoff)
            .limit(batch),
        )
        .executeTakeFirst();
      const outbox = await trx
        .deleteFrom("outbox_emails")
        .where(
          "id",
          "in",
          trx
            .selectFrom("outbox_emails")
            .select("id")
            .where("organisation_id", "=", input.organisationId)
            .where("status", "in", ["sent", "failed"])
            .where("created_at", "<", cutoff)
            .limit(batch),
        )
        .executeTakeFirst();
      return { inbound: Number(inbound.numDeletedRows), outbox: Number(outbox.numDeletedRows) };
    });
    total.inbound += deleted.inbound;
    total.outbox += deleted.outbox;
    if (deleted.inbound < batch && deleted.outbox < batch) break;
  }
  if (total.inbound + total.outbox > 0)
    await recordEvent(db, {
      organisationId: input.organisationId,
      entityType: "email_retention",
      entityId: input.organisationId,
      action: "purged",
      data: { ...total, retentionDays: input.retentionDays, cutoff: cutoff.toISOString() },
    });
  return total;
}
