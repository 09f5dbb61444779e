import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { findMessageIdDomain, newMessageId } from "../channels/email/message-id.ts";
import { enqueueEmail } from "../channels/email/outbox.ts";
import { checkAttachments } from "./attachment-check.ts";
import { recordAudit } from "./audit-log.ts";
import type { Case, CaseActor, CaseMessage, CaseStatus, IncomingAttachment } from "./case.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { caseNotFound, requireCaseAgent } from "./case-actor.ts";
import { caseEmailThread } from "./case-email-thread.ts";
import { agentReplyEmail } from "./case-emails.ts";
import { cleanBody } from "./case-input.ts";
import { decide, saveCaseChange } from "./case-transition.ts";
import { appendSearchText, insertMessage, selectCase } from "./cases.repo.ts";
import { resolutionFeedbackLink } from "./resolution-feedback-link.ts";
import { inTransaction } from "./transaction.ts";

/**
 * An agent's public answer. Takes a new case (nouveau → en_cours), dates the first reply once, may
 * move the case on (`status`: typically en_attente_usager or resolu), and e-mails the citizen when
 * the case has an address — threaded under the citizen's last e-mail, with the reply's attachments and,
 * when the reply resolves the case, a one-time "Je donne mon avis" link — in the same transaction.
 */
export async function replyToCase(
  db: Db,
  input: {
    organisationId: string;
    caseId: string;
    actor: CaseActor;
    body: string;
    attachments?: IncomingAttachment[];
    status?: CaseStatus;
    publicUrl: string;
    clock: Clock;
  },
): Promise<{ case: Case; message: CaseMessage; emailQueued: boolean }> {
  if (!isUuid(input.caseId)) throw caseNotFound();
  const body = cleanBody(input.body);
  const attachments = checkAttachments(input.attachments);

  return inTransaction(db, async (trx) => {
    await requireCaseAgent(trx, input.organisationId, input.actor);
    const current = await selectCase(trx, input.organisationId, input.caseId, { forUpdate: true });
    if (!current) throw caseNotFound();
    const afterReply = decide(current, { type: "agent_reply" });
    const finalStatus =
      input.status === undefined || input.status === afterReply.status
        ? afterReply.status
        : decide({ ...current, status: afterReply.status }, { type: "agent_set_status", to: input.status })
            .status;
    const now = input.clock.now();
    const organisation = await trx
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", input.organisationId)
      .executeTakeFirstOrThrow();

    // The mail and the thread message share one Message-ID, so a citizen's answer finds the case; the
    // threading headers are read before the message records its own id.
    const thread = current.contact.email
      ? await caseEmailThread(trx, input.organisationId, current.id)
      : undefined;
    const emailMessageId = current.contact.email ? newMessageId(await findMessageIdDomain(trx)) : null;
    const message = await insertMessage(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      author: "agent",
      authorAgentId: input.actor.agentId,
      visibility: "public",
      body,
      emailMessageId,
      attachments,
      now,
    });
    if (current.contact.email && emailMessageId) {
      const mail = agentReplyEmail({
        organisationName: organisation.name,
        reference: current.reference,
        subject: current.subject,
        body,
        publicUrl: input.publicUrl,
        // The reply is the resolution e-mail here: one message, carrying the invitation.
        feedbackUrl:
          finalStatus === "resolu" && current.status !== "resolu"
            ? await resolutionFeedbackLink(trx, { current, publicUrl: input.publicUrl, clock: input.clock })
            : undefined,
      });
      await enqueueEmail(trx, {
        organisationId: input.organisationId,
        caseId: current.id,
        to: current.contact.email,
        subject: mail.subject,
        text: mail.text,
        kind: "reply",
        messageId: emailMessageId,
        // The stored copies travel by reference: the worker loads them when it sends.
        attachmentIds: message.attachments.map((attachment) => attachment.id),
        ...thread,
      });
    }
    await appendSearchText(trx, input.organisationId, current.id, body);
    const updated = await saveCaseChange(trx, current, {
      status: finalStatus,
      cause: input.status === undefined ? "agent_reply" : "agent_set_status",
      actorId: input.actor.agentId,
      now,
      extra: current.firstAgentReplyAt === null ? { first_agent_reply_at: now } : {},
    });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "case",
      entityId: current.id,
      action: "agent_replied",
      actorId: input.actor.agentId,
      data: { messageId: message.id, attachments: attachments.length, emailQueued: emailMessageId !== null },
    });
    await recordAudit(trx, {
      organisationId: input.organisationId,
      agentId: input.actor.agentId,
      action: "case.replied",
      entityType: "case",
      entityId: current.id,
      now,
    });
    await notifyCaseActivity(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      kind: "message",
    });
    return { case: updated, message, emailQueued: emailMessageId !== null };
  });
}
