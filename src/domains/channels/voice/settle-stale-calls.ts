/**
 * Calls whose end was never reported (a provider that lost the status callback, a process that died
 * mid-call) are settled after `maxAgeMs`: the results page never shows a call that lasts for ever.
 */
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { finalOutcome } from "./call-flow.ts";
import { readCallState } from "./call-state.ts";
import { settleCall } from "./record-call.ts";

/** Longer than any real call to a town hall's assistant. */
export const STALE_CALL_MS = 4 * 60 * 60 * 1000;

export async function settleStaleCalls(
  db: Db,
  input: { clock: Clock; maxAgeMs?: number; limit?: number },
): Promise<{ settled: number }> {
  const now = input.clock.now();
  const before = new Date(now.getTime() - (input.maxAgeMs ?? STALE_CALL_MS));
  const rows = await db
    .selectFrom("calls")
    .select(["id", "organisation_id", "state"])
    .where("ended_at", "is", null)
    .where("started_at", "<", before)
    .orderBy("started_at")
    .limit(input.limit ?? 500)
    .execute();
  for (const row of rows) {
    const state = readCallState(row.state);
    await settleCall(db, {
      organisationId: row.organisation_id,
      callId: row.id,
      outcome: state ? finalOutcome(state) : "abandoned",
      at: now,
      step: "stale",
    });
  }
  return { settled: rows.length };
}
