/**
 * The persistent outbox. `enqueueEmail` writes a row in the caller's transaction — so an e-mail exists
 * if and only if the change that caused it committed — and the worker (outbox-worker.ts) sends it
 * after commit, with retries. Nothing is sent from here.
 */
import { sql } from "kysely";
import type { Db, OutboxEmailKind } from "../../../shared/database.ts";
import { newId } from "../../../shared/ids.ts";
import { findMessageIdDomain, newMessageId, normaliseMessageId } from "./message-id.ts";

export type OutgoingEmail = {
  organisationId: string;
  caseId?: string;
  to: string;
  subject: string;
  /** Plain-text body (always); HTML is derived by the sender, never taken from citizen input. */
  text: string;
  /** RFC 5322 Message-ID to use (generated when absent), so replies can be threaded to the case. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** "acknowledgement" marks the mail `Auto-Submitted: auto-replied` so that robots do not answer it. */
  kind?: OutboxEmailKind;
  /**
   * Ids of stored case attachments to send with the mail: a reference, not a copy (the worker loads
   * the bytes when it sends, from the same organisation only).
   */
  attachmentIds?: string[];
};

/** Channel woken by a NOTIFY at commit, so a listening worker sends at once instead of at its next poll. */
export const OUTBOX_NOTIFY_CHANNEL = "guichet_outbox";

export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<{ id: string; messageId: string }> {
  const id = newId();
  const given = email.messageId === undefined ? undefined : normaliseMessageId(email.messageId);
  if (email.messageId !== undefined && given === undefined) {
    throw new Error(`enqueueEmail: Message-ID invalide (${email.messageId})`);
  }
  const messageId = given ?? newMessageId(await findMessageIdDomain(db));
  const references = (email.references ?? []).flatMap((ref) => normaliseMessageId(ref) ?? []);
  await db
    .insertInto("outbox_emails")
    .values({
      id,
      organisation_id: email.organisationId,
      case_id: email.caseId ?? null,
      kind: email.kind ?? "notification",
      to_address: email.to.trim(),
      subject: email.subject,
      text_body: email.text,
      message_id: messageId,
      in_reply_to: email.inReplyTo === undefined ? null : (normaliseMessageId(email.inReplyTo) ?? null),
      reference_ids: references,
      attachment_ids: email.attachmentIds ?? [],
    })
    .execute();
  // Delivered at commit (never if the transaction rolls back); harmless when nobody listens.
  await sql`SELECT pg_notify(${OUTBOX_NOTIFY_CHANNEL}, '')`.execute(db);
  return { id, messageId };
}
