import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { refuseSecondActive } from "./active-commitment-conflict.ts";
import { checkCommitmentProcedure } from "./check-commitment-procedure.ts";
import {
  type CommitmentInput,
  parseCommitmentInput,
  refuseCommitment,
  type ServiceCommitment,
} from "./commitment.ts";
import { COMMITMENT_COLUMNS, selectCommitment, toCommitment } from "./commitments.repo.ts";
import { commitmentNotFound } from "./get-commitment.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Edits a commitment. Cases already opened keep the deadline they were given (it was announced to the
 * citizen); the new delay, channel or procedure applies to the cases opened afterwards. A commitment on
 * cases cannot become one on calls, nor the reverse: its past figures would change meaning.
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
    if ((current.measure === "agent_answer") !== (checked.measure === "agent_answer"))
      throw refuseCommitment(
        "measure",
        current.measure === "agent_answer"
          ? "Cet engagement porte sur les appels : il ne peut pas porter sur les demandes. Créez plutôt un nouvel engagement."
          : "Cet engagement porte sur les demandes : il ne peut pas porter sur les appels. Créez plutôt un nouvel engagement.",
      );
    // An unchanged procedure is not checked again: it may have been unpublished since, the cases
    // opened under it still refer to it.
    if (checked.topic !== null && checked.topicField !== null && checked.topic !== current.topic)
      await checkCommitmentProcedure(trx, {
        organisationId: input.organisationId,
        topic: checked.topic,
        field: checked.topicField,
      });
    if (current.active)
      await refuseSecondActive(trx, {
        organisationId: input.organisationId,
        scope: checked,
        exceptId: current.id,
      });
    const now = input.clock.now();
    const row = await trx
      .updateTable("service_commitments")
      .set({
        label: checked.label,
        measure: checked.measure,
        channel: checked.channel,
        topic: checked.topic,
        delay_unit: checked.delay?.unit ?? null,
        delay_amount: checked.delay?.amount ?? null,
        target_share: checked.targetShare,
        updated_at: now,
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
