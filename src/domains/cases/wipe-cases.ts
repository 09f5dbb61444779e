/**
 * What retention and a citizen's erasure share: a case keeps its row — reference, channel, status,
 * team and dates, which statistics count — and loses everything about the person: contact, subject,
 * full-text index, tracking token, documents, e-mail ids and the channel's copies of its mail.
 * "purge" deletes the thread; "erase" keeps its shape (who wrote when) with the bodies replaced.
 * One `events` row per case with counts only. The audit_log keeps its rows (ids only, append-only).
 */
import { sql } from "kysely";
import { recordEvent } from "../../shared/events.ts";
import { deleteEmailsOfCases } from "../channels/email/case-email-records.ts";
import type { Trx } from "./transaction.ts";

export type WipeMode = "purge" | "erase";

export const PURGED_SUBJECT = "Demande supprimée (durée de conservation écoulée)";
export const ERASED_SUBJECT = "Demande effacée à la demande de l'usager";
export const ERASED_BODY = "[Contenu effacé à la demande de l'usager]";

export type WipeCounts = {
  cases: number;
  messages: number;
  attachments: number;
  emailIds: number;
  outboxEmails: number;
  inboundEmails: number;
};

type PerCase = Map<string, number>;

function toMap(rows: { case_id: string; n: number | string | bigint }[]): PerCase {
  return new Map(rows.map((row) => [row.case_id, Number(row.n)]));
}

function countRows(rows: { case_id: string }[]): PerCase {
  const counts: PerCase = new Map();
  for (const row of rows) counts.set(row.case_id, (counts.get(row.case_id) ?? 0) + 1);
  return counts;
}

const sum = (counts: PerCase) => [...counts.values()].reduce((a, b) => a + b, 0);

/** The caller has locked the cases (FOR UPDATE) in the transaction it passes. */
export async function wipeCases(
  trx: Trx,
  input: { organisationId: string; caseIds: string[]; mode: WipeMode; now: Date; actorId: string | null },
): Promise<WipeCounts> {
  const org = input.organisationId;
  const ids = input.caseIds;
  if (ids.length === 0)
    return { cases: 0, messages: 0, attachments: 0, emailIds: 0, outboxEmails: 0, inboundEmails: 0 };

  const messages = toMap(
    await trx
      .selectFrom("case_messages")
      .select((eb) => ["case_id", eb.fn.countAll<number>().as("n")])
      .where("organisation_id", "=", org)
      .where("case_id", "in", ids)
      .groupBy("case_id")
      .execute(),
  );
  const attachments = toMap(
    await trx
      .selectFrom("case_attachments")
      .innerJoin("case_messages", (join) =>
        join
          .onRef("case_messages.id", "=", "case_attachments.message_id")
          .onRef("case_messages.organisation_id", "=", "case_attachments.organisation_id"),
      )
      .select((eb) => ["case_messages.case_id", eb.fn.countAll<number>().as("n")])
      .where("case_attachments.organisation_id", "=", org)
      .where("case_messages.case_id", "in", ids)
      .groupBy("case_messages.case_id")
      .execute(),
  );
  const emailIds = countRows(
    await trx
      .deleteFrom("case_email_ids")
      .where("organisation_id", "=", org)
      .where("case_id", "in", ids)
      .returning("case_id")
      .execute(),
  );
  const mail = await deleteEmailsOfCases(trx, { organisationId: org, caseIds: ids });

  const messageIds = trx
    .selectFrom("case_messages")
    .select("id")
    .where("organisation_id", "=", org)
    .where("case_id", "in", ids);
  if (input.mode === "purge") {
    // Attachments go with their messages (ON DELETE CASCADE).
    await trx
      .deleteFrom("case_messages")
      .where("organisation_id", "=", org)
      .where("case_id", "in", ids)
      .execute();
  } else {
    await trx
      .deleteFrom("case_attachments")
      .where("organisation_id", "=", org)
      .where("message_id", "in", messageIds)
      .execute();
    await trx
      .updateTable("case_messages")
      .set({ body: ERASED_BODY, email_message_id: null })
      .where("organisation_id", "=", org)
      .where("case_id", "in", ids)
      .execute();
  }
  await trx
    .deleteFrom("contact_confirmations")
    .where("organisation_id", "=", org)
    .where(
      "submission_key",
      "in",
      trx
        .selectFrom("cases")
        .select("submission_key")
        .where("organisation_id", "=", org)
        .where("id", "in", ids)
        .where("submission_key", "is not", null)
        .$narrowType<{ submission_key: string }>(),
    )
    .execute();
  await trx
    .updateTable("cases")
    .set({
      subject: input.mode === "purge" ? PURGED_SUBJECT : ERASED_SUBJECT,
      contact_name: null,
      contact_email: null,
      contact_phone: null,
      submission_key: null,
      // Not a SHA-256 any more: no token can ever match it again.
      tracking_token_hash: sql<string>`${input.mode} || ':' || id::text`,
      search_vector: sql`''::tsvector`,
      purged_at: input.now,
    } as never)
    .where("organisation_id", "=", org)
    .where("id", "in", ids)
    .execute();

  for (const caseId of ids)
    await recordEvent(trx, {
      organisationId: org,
      entityType: "case",
      entityId: caseId,
      action: input.mode === "purge" ? "purged" : "erased",
      actorId: input.actorId,
      data: {
        messages: messages.get(caseId) ?? 0,
        attachments: attachments.get(caseId) ?? 0,
        emailIds: emailIds.get(caseId) ?? 0,
        outboxEmails: mail.outbox.get(caseId) ?? 0,
        inboundEmails: mail.inbound.get(caseId) ?? 0,
      },
    });
  return {
    cases: ids.length,
    messages: sum(messages),
    attachments: sum(attachments),
    emailIds: sum(emailIds),
    outboxEmails: sum(mail.outbox),
    inboundEmails: sum(mail.inbound),
  };
}
