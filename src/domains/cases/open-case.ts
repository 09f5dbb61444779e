import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { enqueueEmail } from "../channels/email/outbox.ts";
import { startSlaClock } from "../commitments/index.ts";
import { checkAttachments } from "./attachment-check.ts";
import { recordAudit } from "./audit-log.ts";
import type { CaseActor, CaseChannel, CasePriority, IncomingAttachment } from "./case.ts";
import { isCaseChannel, isCasePriority } from "./case.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { requireCaseAgent } from "./case-actor.ts";
import { acknowledgementEmail, bracketMessageId, trackingUrl } from "./case-emails.ts";
import { cleanBody, cleanContact, cleanSubject } from "./case-input.ts";
import { casePrefixFromSettings, nextCaseReference } from "./case-reference.ts";
import { appendSearchText, insertMessage, recordEmailId } from "./cases.repo.ts";
import { newTrackingToken } from "./tracking-token.ts";
import { inTransaction, type Trx } from "./transaction.ts";

export type OpenCaseInput = {
  organisationId: string;
  channel: CaseChannel;
  subject: string;
  contact: { name?: string | null; email?: string | null; phone?: string | null };
  body: string;
  attachments?: IncomingAttachment[];
  topic?: { ficheId?: string | null; localItemId?: string | null };
  priority?: CasePriority;
  /** Form nonce or API idempotency key: a second open with the same key returns the first case. */
  submissionKey?: string | null;
  /** Message-ID of the e-mail that opens the case; a second delivery of it returns the first case. */
  emailMessageId?: string | null;
  /** The agent logging a phone call or a counter visit on the citizen's behalf. */
  actor?: CaseActor | null;
  /** Base URL of the public site, for the tracking link. */
  publicUrl: string;
  clock: Clock;
};

export type OpenCaseResult = {
  caseId: string;
  reference: string;
  /** Given once, when the case is created: only its hash is stored. */
  trackingToken: string | undefined;
  created: boolean;
};

async function findExisting(
  trx: Trx,
  input: OpenCaseInput,
  emailMessageId: string | null,
): Promise<{ id: string; reference: string } | null> {
  if (input.submissionKey) {
    const bySubmission = await trx
      .selectFrom("cases")
      .select(["id", "reference"])
      .where("organisation_id", "=", input.organisationId)
      .where("submission_key", "=", input.submissionKey)
      .executeTakeFirst();
    if (bySubmission) return bySubmission;
  }
  if (emailMessageId) {
    const byEmail = await trx
      .selectFrom("case_email_ids")
      .innerJoin("cases", (join) =>
        join
          .onRef("cases.id", "=", "case_email_ids.case_id")
          .onRef("cases.organisation_id", "=", "case_email_ids.organisation_id"),
      )
      .select(["cases.id", "cases.reference"])
      .where("case_email_ids.organisation_id", "=", input.organisationId)
      .where("case_email_ids.message_id", "=", emailMessageId)
      .executeTakeFirst();
    if (byEmail) return byEmail;
  }
  return null;
}

async function checkTopic(trx: Trx, input: OpenCaseInput): Promise<void> {
  const localItemId = input.topic?.localItemId;
  if (!localItemId) return;
  const item = await trx
    .selectFrom("local_items")
    .select("id")
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", localItemId)
    .executeTakeFirst();
  if (!item)
    throw new AppError("BAD_REQUEST", {
      message: "unknown topic local item",
      userMessage: "Le sujet choisi pour cette demande est introuvable.",
      details: { field: "topic" },
    });
}

/**
 * Opens a case from any channel: checks the input, numbers it, stores the first message and its
 * attachments, records the event (and the audit row when an agent logs it), and enqueues the
 * acknowledgement e-mail — all in one transaction. Idempotent on `submissionKey` and `emailMessageId`.
 */
export async function openCase(db: Db, input: OpenCaseInput): Promise<OpenCaseResult> {
  if (!isCaseChannel(input.channel))
    throw new AppError("BAD_REQUEST", { message: `unknown channel ${input.channel}` });
  if (input.priority !== undefined && !isCasePriority(input.priority))
    throw new AppError("BAD_REQUEST", { message: `unknown priority ${input.priority}` });
  const subject = cleanSubject(input.subject);
  const body = cleanBody(input.body);
  const contact = cleanContact(input.contact);
  const attachments = checkAttachments(input.attachments);
  const emailMessageId = input.emailMessageId ? bracketMessageId(input.emailMessageId) : null;

  return inTransaction(db, async (trx) => {
    if (input.actor) await requireCaseAgent(trx, input.organisationId, input.actor);
    const early = await findExisting(trx, input, emailMessageId);
    if (early)
      return { caseId: early.id, reference: early.reference, trackingToken: undefined, created: false };
    await checkTopic(trx, input);

    const now = input.clock.now();
    const organisation = await trx
      .selectFrom("organisations")
      .select(["name", "settings"])
      .where("id", "=", input.organisationId)
      .executeTakeFirst();
    if (!organisation) throw new AppError("NOT_FOUND", { message: "unknown organisation" });
    // Taking the number locks this organisation's counter until commit: a concurrent double submission
    // waits here, then sees the first case below and gives its number back (no gap in the sequence).
    const reference = await nextCaseReference(trx, {
      organisationId: input.organisationId,
      prefix: casePrefixFromSettings(organisation.settings),
      now,
    });
    const late = await findExisting(trx, input, emailMessageId);
    if (late) {
      await trx
        .updateTable("case_reference_counters")
        .set((eb) => ({ last_value: eb("last_value", "-", 1) }))
        .where("organisation_id", "=", input.organisationId)
        .execute();
      return { caseId: late.id, reference: late.reference, trackingToken: undefined, created: false };
    }

    const caseId = newId();
    const token = newTrackingToken();
    const sla = await startSlaClock(trx, {
      organisationId: input.organisationId,
      channel: input.channel,
      topic: input.topic ?? null,
      openedAt: now,
      settings: organisation.settings,
    });
    await trx
      .insertInto("cases")
      .values({
        id: caseId,
        organisation_id: input.organisationId,
        reference,
        channel: input.channel,
        status: "nouveau",
        priority: input.priority ?? "normale",
        subject,
        topic_fiche_id: input.topic?.ficheId || null,
        topic_local_item_id: input.topic?.localItemId || null,
        contact_name: contact.name,
        contact_email: contact.email,
        contact_phone: contact.phone,
        tracking_token_hash: token.hash,
        submission_key: input.submissionKey || null,
        opened_at: now,
        updated_at: now,
        commitment_id: sla?.commitmentId ?? null,
        due_at: sla?.dueAt ?? null,
      })
      .execute();
    const message = await insertMessage(trx, {
      organisationId: input.organisationId,
      caseId,
      author: "citizen",
      authorAgentId: input.actor?.agentId ?? null,
      visibility: "public",
      body,
      emailMessageId,
      attachments,
      now,
    });
    await appendSearchText(
      trx,
      input.organisationId,
      caseId,
      [reference, subject, contact.name, contact.email, contact.phone, body].filter(Boolean).join("\n"),
    );
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "case",
      entityId: caseId,
      action: "opened",
      actorId: input.actor?.agentId ?? null,
      data: {
        reference,
        channel: input.channel,
        messageId: message.id,
        attachments: attachments.length,
        ...(sla ? { commitmentId: sla.commitmentId, dueAt: sla.dueAt.toISOString() } : {}),
      },
    });
    if (input.actor)
      await recordAudit(trx, {
        organisationId: input.organisationId,
        agentId: input.actor.agentId,
        action: "case.opened",
        entityType: "case",
        entityId: caseId,
        now,
      });

    if (contact.email) {
      const mail = acknowledgementEmail({
        organisationName: organisation.name,
        reference,
        subject,
        trackingLink: trackingUrl(input.publicUrl, token.token),
      });
      const inReplyTo = emailMessageId ?? undefined;
      const sent = await enqueueEmail(trx, {
        organisationId: input.organisationId,
        caseId,
        to: contact.email,
        subject: mail.subject,
        text: mail.text,
        kind: "acknowledgement",
        ...(inReplyTo ? { inReplyTo, references: [inReplyTo] } : {}),
      });
      await recordEmailId(trx, {
        organisationId: input.organisationId,
        caseId,
        messageId: sent.messageId,
        direction: "out",
        now,
      });
    }
    await notifyCaseActivity(trx, { organisationId: input.organisationId, caseId, kind: "opened" });
    return { caseId, reference, trackingToken: token.token, created: true };
  });
}
