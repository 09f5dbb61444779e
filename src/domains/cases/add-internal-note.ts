import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { checkAttachments } from "./attachment-check.ts";
import { recordAudit } from "./audit-log.ts";
import type { CaseActor, CaseMessage, IncomingAttachment } from "./case.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { caseNotFound, requireCaseAgent } from "./case-actor.ts";
import { cleanBody } from "./case-input.ts";
import { decide } from "./case-transition.ts";
import { appendSearchText, insertMessage, selectCase, updateCaseRow } from "./cases.repo.ts";
import { inTransaction } from "./transaction.ts";

/** A note between agents: never shown to the citizen, never e-mailed; allowed on a closed case too. */
export async function addInternalNote(
  db: Db,
  input: {
    organisationId: string;
    caseId: string;
    actor: CaseActor;
    body: string;
    attachments?: IncomingAttachment[];
    clock: Clock;
  },
): Promise<CaseMessage> {
  if (!isUuid(input.caseId)) throw caseNotFound();
  const body = cleanBody(input.body);
  const attachments = checkAttachments(input.attachments);
  return inTransaction(db, async (trx) => {
    await requireCaseAgent(trx, input.organisationId, input.actor);
    const current = await selectCase(trx, input.organisationId, input.caseId, { forUpdate: true });
    if (!current) throw caseNotFound();
    decide(current, { type: "agent_note" });
    const now = input.clock.now();
    const message = await insertMessage(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      author: "agent",
      authorAgentId: input.actor.agentId,
      visibility: "internal",
      body,
      emailMessageId: null,
      attachments,
      now,
    });
    await appendSearchText(trx, input.organisationId, current.id, body);
    await updateCaseRow(trx, input.organisationId, current.id, { updated_at: now });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "case",
      entityId: current.id,
      action: "note_added",
      actorId: input.actor.agentId,
      data: { messageId: message.id, attachments: attachments.length },
    });
    await recordAudit(trx, {
      organisationId: input.organisationId,
      agentId: input.actor.agentId,
      action: "case.note_added",
      entityType: "case",
      entityId: current.id,
      now,
    });
    await notifyCaseActivity(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      kind: "message",
    });
    return message;
  });
}
