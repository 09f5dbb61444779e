import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { refuseSecondActive } from "./active-commitment-conflict.ts";
import type { ServiceCommitment } from "./commitment.ts";
import { COMMITMENT_COLUMNS, selectCommitment, toCommitment } from "./commitments.repo.ts";
import { commitmentNotFound } from "./get-commitment.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Deactivates (or reactivates) a commitment. Never deleted: past cases and published results refer to
 * it. A deactivated commitment starts no new clock; running clocks go on to their deadline.
 */
export async function setCommitmentActive(
  db: Db,
  input: {
    organisationId: string;
    commitmentId: string;
    active: boolean;
    actorId: string | null;
    clock: Clock;
  },
): Promise<{ commitment: ServiceCommitment; changed: boolean }> {
  if (!isUuid(input.commitmentId)) throw commitmentNotFound();
  return inTransaction(db, async (trx) => {
    const current = await selectCommitment(trx, input.organisationId, input.commitmentId, {
      forUpdate: true,
    });
    if (!current) throw commitmentNotFound();
    if (current.active === input.active) return { commitment: current, changed: false };
    if (input.active)
      await refuseSecondActive(trx, {
        organisationId: input.organisationId,
        scope: { ...current, topicField: null },
      });
    const now = input.clock.now();
    const row = await trx
      .updateTable("service_commitments")
      .set({ active: input.active, updated_at: now })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", current.id)
      .returning(COMMITMENT_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "service_commitment",
      entityId: current.id,
      action: input.active ? "activated" : "deactivated",
      actorId: input.actorId,
      // The calls commitment is in force between these events (statistics/calls-commitment-rollup.ts).
      at: now,
    });
    return { commitment: toCommitment(row), changed: true };
  });
}
