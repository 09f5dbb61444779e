import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { refuseSecondActive } from "./active-commitment-conflict.ts";
import { checkCommitmentProcedure } from "./check-commitment-procedure.ts";
import { type CommitmentInput, parseCommitmentInput, type ServiceCommitment } from "./commitment.ts";
import { COMMITMENT_COLUMNS, toCommitment } from "./commitments.repo.ts";
import { inTransaction } from "./transaction.ts";

/** A new active commitment; it applies to the cases opened (or calls received) from now on. */
export async function createCommitment(
  db: Db,
  input: { organisationId: string; form: CommitmentInput; actorId: string | null; clock: Clock },
): Promise<ServiceCommitment> {
  const checked = parseCommitmentInput(input.form);
  return inTransaction(db, async (trx) => {
    if (checked.topic !== null && checked.topicField !== null)
      await checkCommitmentProcedure(trx, {
        organisationId: input.organisationId,
        topic: checked.topic,
        field: checked.topicField,
      });
    await refuseSecondActive(trx, { organisationId: input.organisationId, scope: checked });
    const now = input.clock.now();
    const row = await trx
      .insertInto("service_commitments")
      .values({
        id: newId(),
        organisation_id: input.organisationId,
        label: checked.label,
        measure: checked.measure,
        channel: checked.channel,
        topic: checked.topic,
        delay_unit: checked.delay?.unit ?? null,
        delay_amount: checked.delay?.amount ?? null,
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
      at: now,
      data: {
        measure: checked.measure,
        channel: checked.channel,
        topic: checked.topic,
        delay: checked.delay,
      },
    });
    return toCommitment(row);
  });
}
