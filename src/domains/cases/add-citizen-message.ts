import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { checkAttachments } from "./attachment-check.ts";
import type { CaseStatus, IncomingAttachment } from "./case.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { caseNotFound } from "./case-actor.ts";
import { bracketMessageId } from "./case-emails.ts";
import { cleanBody } from "./case-input.ts";
import { decide, saveCaseChange } from "./case-transition.ts";
import { appendSearchText, followMerges, insertMessage, selectCase } from "./cases.repo.ts";
import { inTransaction } from "./transaction.ts";

export type AddCitizenMessageResult = {
  /** The case that received the message (the merge target when the citizen wrote to a merged case). */
  caseId: string;
  /** null when this e-mail had already been added (a second delivery): nothing was written. */
  messageId: string | null;
  status: CaseStatus;
  reopened: boolean;
};

/**
 * A citizen writes on a case (tracking page or e-mail reply). Reopens a resolved or waiting case;
 * refused (CONFLICT, French message) on a closed one: the channel then opens a new case.
 * The caller found the case first (findCaseByTrackingToken / findCaseForEmailReply).
 */
export async function addCitizenMessage(
  db: Db,
  input: {
    organisationId: string;
    caseId: string;
    body: string;
    attachments?: IncomingAttachment[];
    emailMessageId?: string | null;
    clock: Clock;
  },
): Promise<AddCitizenMessageResult> {
  if (!isUuid(input.caseId)) throw caseNotFound();
  const body = cleanBody(input.body);
  const attachments = checkAttachments(input.attachments);
  const emailMessageId = input.emailMessageId ? bracketMessageId(input.emailMessageId) : null;

  return inTransaction(db, async (trx) => {
    const found = await selectCase(trx, input.organisationId, input.caseId);
    if (!found) throw caseNotFound();
    const target = await followMerges(trx, found);
    const current = await selectCase(trx, input.organisationId, target.id, { forUpdate: true });
    if (!current) throw caseNotFound();
    if (emailMessageId) {
      const known = await trx
        .selectFrom("case_email_ids")
        .select("case_id")
        .where("organisation_id", "=", input.organisationId)
        .where("message_id", "=", emailMessageId)
        .where("direction", "=", "in")
        .executeTakeFirst();
      if (known) return { caseId: current.id, messageId: null, status: current.status, reopened: false };
    }
    const next = decide(current, { type: "citizen_reply" });
    const now = input.clock.now();
    const message = await insertMessage(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      author: "citizen",
      authorAgentId: null,
      visibility: "public",
      body,
      emailMessageId,
      attachments,
      now,
    });
    await appendSearchText(trx, input.organisationId, current.id, body);
    await saveCaseChange(trx, current, { status: next.status, cause: "citizen_reply", actorId: null, now });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "case",
      entityId: current.id,
      action: "citizen_message_added",
      data: { messageId: message.id, attachments: attachments.length, byEmail: emailMessageId !== null },
    });
    await notifyCaseActivity(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      kind: "message",
    });
    return { caseId: current.id, messageId: message.id, status: next.status, reopened: next.changed };
  });
}
