import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { refuseSecondActive } from "./active-channel-conflict.ts";
import { type CommitmentInput, parseCommitmentInput, type ServiceCommitment } from "./commitment.ts";
import { COMMITMENT_COLUMNS, selectCommitment, toCommitment } from "./commitments.repo.ts";
import { commitmentNotFound } from "./get-commitment.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Edits a commitment. Cases already opened keep the deadline they were given (it was announced to the
 * citizen); the new delay applies to the cases opened afterwards.
 */
export async function updateCommitment(
  db: Db,
  input: {
    organisationId: string;
    commitmentId: string;
    form: CommitmentInput;
    actorId: string | null;
    clock: Clock;
  },
): Promise<ServiceCommitment> {
  if (!isUuid(input.commitmentId)) throw commitmentNotFound();
  const checked = parseCommitmentInput(input.form);
  return inTransaction(db, async (trx) => {
    const current = await selectCommitment(trx, input.organisationId, input.commitmentId, {
      forUpdate: true,
    });
    if (!current) throw commitmentNotFound();
    if (current.active)
      await refuseSecondActive(trx, {
        organisationId: input.organisationId,
        channel: checked.channel,
        exceptId: current.id,
      });
    const row = await trx
      .updateTable("service_commitments")
      .set({
        label: checked.label,
        measure: checked.measure,
        channel: checked.channel,
        delay_unit: checked.delay.unit,
        delay_amount: checked.delay.amount,
        target_share: checked.targetShare,
        updated_at: input.clock.now(),
      })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", current.id)
      .returning(COMMITMENT_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "service_commitment",
      entityId: current.id,
      action: "updated",
      actorId: input.actorId,
      data: { measure: checked.measure, channel: checked.channel, delay: checked.delay },
    });
    return toCommitment(row);
  });
}
