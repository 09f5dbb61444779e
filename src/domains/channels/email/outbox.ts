import type { Db } from "../../../shared/database.ts";

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
};

/**
 * STUB — replaced by the e-mail work. Writes the e-mail to the persistent outbox in the caller's
 * transaction; a worker sends it after commit, with retries.
 */
export async function enqueueEmail(_db: Db, email: OutgoingEmail): Promise<{ id: string; messageId: string }> {
  return { id: "stub", messageId: email.messageId ?? "<stub@guichet>" };
}
