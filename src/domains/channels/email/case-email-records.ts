/**
 * The e-mail channel's own records about cases and citizens — outbox rows (address, text) and raw
 * inbound messages — for retention and for a citizen's request (export, erasure). Every query is
 * scoped by organisation; addresses are compared lower-cased.
 */
import { sql } from "kysely";
import type { Db } from "../../../shared/database.ts";

export type PerCase = Map<string, number>;

function countBy(rows: { case_id: string | null }[]): PerCase {
  const counts: PerCase = new Map();
  for (const row of rows) if (row.case_id) counts.set(row.case_id, (counts.get(row.case_id) ?? 0) + 1);
  return counts;
}

/** Deletes the outgoing and incoming mail of these cases (pending mail included: it must not leave). */
export async function deleteEmailsOfCases(
  db: Db,
  input: { organisationId: string; caseIds: readonly string[] },
): Promise<{ outbox: PerCase; inbound: PerCase }> {
  if (input.caseIds.length === 0) return { outbox: new Map(), inbound: new Map() };
  const outbox = await db
    .deleteFrom("outbox_emails")
    .where("organisation_id", "=", input.organisationId)
    .where("case_id", "in", [...input.caseIds])
    .returning("case_id")
    .execute();
  const inbound = await db
    .deleteFrom("inbound_emails")
    .where("organisation_id", "=", input.organisationId)
    .where("case_id", "in", [...input.caseIds])
    .returning("case_id")
    .execute();
  return { outbox: countBy(outbox), inbound: countBy(inbound) };
}

const toAddress = sql<string>`lower(to_address)`;
const fromAddress = sql<string>`lower(envelope_from)`;

export type CitizenEmails = {
  sent: {
    caseId: string | null;
    to: string;
    subject: string;
    text: string;
    status: string;
    createdAt: Date;
    sentAt: Date | null;
  }[];
  received: {
    caseId: string | null;
    receivedAt: Date;
    envelopeFrom: string | null;
    envelopeTo: string[];
    status: string;
    /** The message as received (RFC 5322), base64. */
    rawBase64: string;
  }[];
};

/** Mail of these cases, or to or from this address (also mail that opened no case). */
export async function listCitizenEmails(
  db: Db,
  input: { organisationId: string; email: string; caseIds: readonly string[] },
): Promise<CitizenEmails> {
  const email = input.email.trim().toLowerCase();
  const ids = [...input.caseIds];
  const sent = await db
    .selectFrom("outbox_emails")
    .select(["case_id", "to_address", "subject", "text_body", "status", "created_at", "sent_at"])
    .where("organisation_id", "=", input.organisationId)
    .where((eb) => eb.or([eb(toAddress, "=", email), ...(ids.length > 0 ? [eb("case_id", "in", ids)] : [])]))
    .orderBy("created_at")
    .execute();
  const received = await db
    .selectFrom("inbound_emails")
    .select(["case_id", "received_at", "envelope_from", "envelope_to", "status", "raw"])
    .where("organisation_id", "=", input.organisationId)
    .where((eb) =>
      eb.or([eb(fromAddress, "=", email), ...(ids.length > 0 ? [eb("case_id", "in", ids)] : [])]),
    )
    .orderBy("received_at")
    .execute();
  return {
    sent: sent.map((row) => ({
      caseId: row.case_id,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      status: row.status,
      createdAt: row.created_at,
      sentAt: row.sent_at,
    })),
    received: received.map((row) => ({
      caseId: row.case_id,
      receivedAt: row.received_at,
      envelopeFrom: row.envelope_from,
      envelopeTo: row.envelope_to,
      status: row.status,
      rawBase64: Buffer.from(row.raw).toString("base64"),
    })),
  };
}

/** Deletes the mail to or from this address that belongs to no listed case (the cases' own go with them). */
export async function deleteCitizenEmails(
  db: Db,
  input: { organisationId: string; email: string },
): Promise<{ outbox: number; inbound: number }> {
  const email = input.email.trim().toLowerCase();
  const outbox = await db
    .deleteFrom("outbox_emails")
    .where("organisation_id", "=", input.organisationId)
    .where(toAddress, "=", email)
    .executeTakeFirst();
  const inbound = await db
    .deleteFrom("inbound_emails")
    .where("organisation_id", "=", input.organisationId)
    .where(fromAddress, "=", email)
    .executeTakeFirst();
  return { outbox: Number(outbox.numDeletedRows), inbound: Number(inbound.numDeletedRows) };
}
