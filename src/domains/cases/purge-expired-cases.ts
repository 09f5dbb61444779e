import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import { type WipeCounts, wipeCases } from "./wipe-cases.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention of closed cases (RETENTION_CASES_DAYS): a case closed before the cut-off loses its thread,
 * documents, contact, e-mail ids and tracking token (see wipe-cases.ts); its row stays for statistics.
 * Open, waiting or resolved cases are never touched. Works in batches, each its own transaction
 * (rows locked, SKIP LOCKED so another process purging at once takes other rows), until none is left.
 */
export async function purgeExpiredCases(
  db: RootDb,
  input: { organisationId: string; retentionDays: number; clock: Clock; batchSize?: number },
): Promise<WipeCounts> {
  const now = input.clock.now();
  const cutoff = new Date(now.getTime() - input.retentionDays * DAY_MS);
  const batch = input.batchSize ?? 100;
  const total: WipeCounts = {
    cases: 0,
    messages: 0,
    attachments: 0,
    emailIds: 0,
    outboxEmails: 0,
    inboundEmails: 0,
  };
  for (;;) {
    const counts = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("cases")
        .select("id")
        .where("organisation_id", "=", input.organisationId)
        .where("status", "=", "clos")
        .where("purged_at", "is", null)
        .where("closed_at", "<", cutoff)
        .orderBy("closed_at")
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      return wipeCases(trx, {
        organisationId: input.organisationId,
        caseIds: rows.map((row) => row.id),
        mode: "purge",
        now,
        actorId: null,
      });
    });
    for (const key of Object.keys(total) as (keyof WipeCounts)[]) total[key] += counts[key];
    if (counts.cases < batch) break;
  }
  return total;
}
