import { sql } from "kysely";
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { recordAudit } from "./audit-log.ts";
import type { Case, CaseActor } from "./case.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { caseNotFound, requireCaseAgent } from "./case-actor.ts";
import { decide, saveCaseChange } from "./case-transition.ts";
import { insertMessage, selectCase } from "./cases.repo.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Merges a duplicate into a target case of the same organisation: the duplicate's messages (with
 * their attachments) and e-mail ids move to the target, so the thread and e-mail replies continue
 * there; the duplicate is closed with merged_into_id, and its tracking link leads to the target.
 * Rules (case-status.ts): the target must not be closed or merged; the duplicate must not be merged.
 */
export async function mergeCases(
  db: Db,
  input: { organisationId: string; duplicateId: string; targetId: string; actor: CaseActor; clock: Clock },
): Promise<{ duplicate: Case; target: Case }> {
  if (!isUuid(input.duplicateId) || !isUuid(input.targetId)) throw caseNotFound();
  if (input.duplicateId === input.targetId)
    throw new AppError("BAD_REQUEST", {
      message: "merge into itself",
      userMessage: "Une demande ne peut pas être fusionnée avec elle-même.",
    });
  return inTransaction(db, async (trx) => {
    await requireCaseAgent(trx, input.organisationId, input.actor);
    // Lock both rows in id order, so two opposite merges running at once cannot deadlock.
    const locked = new Map<string, Case>();
    for (const id of [input.duplicateId, input.targetId].sort()) {
      const found = await selectCase(trx, input.organisationId, id, { forUpdate: true });
      if (!found) throw caseNotFound();
      locked.set(id, found);
    }
    const duplicate = locked.get(input.duplicateId)!;
    const target = locked.get(input.targetId)!;
    const closing = decide(duplicate, {
      type: "merge_duplicate",
      alreadyMerged: duplicate.mergedIntoId !== null,
    });
    if (target.mergedIntoId !== null) decide(target, { type: "merge_duplicate", alreadyMerged: true });
    decide(target, { type: "merge_target" });
    const now = input.clock.now();
    const org = input.organisationId;

    await trx
      .updateTable("case_messages")
      .set({ case_id: target.id })
      .where("organisation_id", "=", org)
      .where("case_id", "=", duplicate.id)
      .execute();
    await trx
      .updateTable("case_email_ids")
      .set({ case_id: target.id })
      .where("organisation_id", "=", org)
      .where("case_id", "=", duplicate.id)
      .execute();
    await sql`UPDATE cases SET search_vector = cases.search_vector || d.search_vector, updated_at = ${now}
      FROM cases d WHERE cases.organisation_id = ${org} AND cases.id = ${target.id}
      AND d.organisation_id = ${org} AND d.id = ${duplicate.id}`.execute(trx);
    for (const [caseId, body] of [
      [target.id, `La demande ${duplicate.reference} a été fusionnée dans cette demande.`],
      [duplicate.id, `Cette demande a été fusionnée dans la demande ${target.reference}.`],
    ] as const)
      await insertMessage(trx, {
        organisationId: org,
        caseId,
        author: "system",
        authorAgentId: input.actor.agentId,
        visibility: "internal",
        body,
        emailMessageId: null,
        attachments: [],
        now,
      });
    const closed = await saveCaseChange(trx, duplicate, {
      status: closing.status,
      cause: "merge_duplicate",
      actorId: input.actor.agentId,
      now,
      extra: { merged_into_id: target.id },
    });
    for (const [entityId, action, other] of [
      [duplicate.id, "merged_into", target],
      [target.id, "merged_from", duplicate],
    ] as const) {
      await recordEvent(trx, {
        organisationId: org,
        entityType: "case",
        entityId,
        action,
        actorId: input.actor.agentId,
        data: { caseId: other.id, reference: other.reference },
      });
      await recordAudit(trx, {
        organisationId: org,
        agentId: input.actor.agentId,
        action: "case.merged",
        entityType: "case",
        entityId,
        now,
      });
      await notifyCaseActivity(trx, { organisationId: org, caseId: entityId, kind: "updated" });
    }
    const merged = await selectCase(trx, org, target.id);
    return { duplicate: closed, target: merged ?? target };
  });
}
