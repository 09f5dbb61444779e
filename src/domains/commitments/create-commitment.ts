import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { refuseSecondActive } from "./active-channel-conflict.ts";
import { type CommitmentInput, parseCommitmentInput, type ServiceCommitment } from "./commitment.ts";
import { COMMITMENT_COLUMNS, toCommitment } from "./commitments.repo.ts";
import { inTransaction } from "./transaction.ts";

/** A new active commitment; it applies to the cases opened from now on (running clocks keep theirs). */
export async function createCommitment(
  db: Db,
  input: { organisationId: string; form: CommitmentInput; actorId: string | null; clock: Clock },
): Promise<ServiceCommitment> {
  const checked = parseCommitmentInput(input.form);
  return inTransaction(db, async (trx) => {
    await refuseSecondActive(trx, { organisationId: input.organisationId, channel: checked.channel });
    const now = input.clock.now();
    const row = await trx
      .insertInto("service_commitments")
      .values({
        id: newId(),
        organisation_id: input.organisationId,
        label: checked.label,
        measure: checked.measure,
        channel: checked.channel,
        delay_unit: checked.delay.unit,
        delay_amount: checked.delay.amount,
        target_share: checked.targetShare,
        active: true,
        created_at: now,
        updated_at: now,
      })
      .returning(COMMITMENT_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "service_commitment",
      entityId: row.id,
      action: "created",
      actorId: input.actorId,
      data: { measure: checked.measure, channel: checked.channel, delay: checked.delay },
    });
    return toCommitment(row);
  });
}
