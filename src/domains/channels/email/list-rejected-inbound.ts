import type { Db } from "../../../shared/database.ts";

/** An incoming e-mail that did not become a message, as an agent may see it: no sender, no content. */
export type RejectedInboundEmail = {
  id: string;
  receivedAt: Date;
  status: "rejected" | "failed";
  /** Reason in French, written by the receiver. */
  error: string | null;
};

const MAX = 50;

/** Rejected or failed incoming e-mails of the organisation, newest first (at most 50). */
export async function listRejectedInbound(
  db: Db,
  input: { organisationId: string; limit?: number },
): Promise<RejectedInboundEmail[]> {
  const rows = await db
    .selectFrom("inbound_emails")
    .select(["id", "received_at", "status", "error"])
    .where("organisation_id", "=", input.organisationId)
    .where("status", "in", ["rejected", "failed"])
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(Math.min(input.limit ?? MAX, MAX))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    receivedAt: row.received_at,
    status: row.status === "failed" ? "failed" : "rejected",
    error: row.error,
  }));
}
