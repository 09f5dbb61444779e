/**
 * A resolved case the citizen did not reopen is closed after a while (the status machine's
 * `system_auto_close`), so it leaves the agents' open work and, later, falls under the retention of
 * closed cases. A citizen who writes before then reopens it, as usual.
 */
import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { decide, saveCaseChange } from "./case-transition.ts";
import { selectCase } from "./cases.repo.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Cases closed per transaction, so a large backlog does not hold one long lock. */
const BATCH = 200;

export async function closeResolvedCases(
  db: RootDb,
  input: { organisationId: string; afterDays: number; clock: Clock },
): Promise<{ closed: number }> {
  const cutoff = new Date(input.clock.now().getTime() - input.afterDays * DAY_MS);
  let closed = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("cases")
        .select("id")
        .where("organisation_id", "=", input.organisationId)
        .where("status", "=", "resolu")
        .where("resolved_at", "<", cutoff)
        .orderBy("resolved_at")
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        const current = await selectCase(trx, input.organisationId, row.id, { forUpdate: true });
        if (!current) continue;
        const decision = decide(current, { type: "system_auto_close" });
        await saveCaseChange(trx, current, {
          status: decision.status,
          cause: "system_auto_close",
          actorId: null,
          now: input.clock.now(),
        });
        await notifyCaseActivity(trx, {
          organisationId: input.organisationId,
          caseId: row.id,
          kind: "updated",
        });
      }
      return rows.length;
    });
    closed += batch;
    if (batch < BATCH) return { closed };
  }
}
