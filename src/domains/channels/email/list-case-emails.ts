import type { Db, OutboxEmailStatus } from "../../../shared/database.ts";

/** What an agent may see of a case's outgoing mail: delivery state only, never the body or the address. */
export type CaseEmail = {
  id: string;
  subject: string;
  status: OutboxEmailStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  /** The SMTP server's reply (a technical message, no personal data). */
  lastError: string | null;
  createdAt: Date;
};

/** Outgoing e-mails of one case, newest first. */
export async function listCaseEmails(
  db: Db,
  input: { organisationId: string; caseId: string },
): Promise<CaseEmail[]> {
  const rows = await db
    .selectFrom("outbox_emails")
    .select(["id", "subject", "status", "attempts", "next_attempt_at", "sent_at", "last_error", "created_at"])
    .where("organisation_id", "=", input.organisationId)
    .where("case_id", "=", input.caseId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  }));
}
