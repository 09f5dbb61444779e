import type { Clock } from "../../../shared/clock.ts";
import type { Db, InboundEmailStatus } from "../../../shared/database.ts";
import { newId } from "../../../shared/ids.ts";

/** Keeps the raw message before anything else happens to it: whatever fails next, nothing is lost. */
export async function storeInboundEmail(
  db: Db,
  input: {
    organisationId: string;
    raw: Buffer;
    envelopeFrom: string | null;
    envelopeTo: string[];
    remoteAddress: string | null;
    clock: Clock;
  },
): Promise<{ id: string }> {
  const id = newId();
  await db
    .insertInto("inbound_emails")
    .values({
      id,
      organisation_id: input.organisationId,
      received_at: input.clock.now(),
      envelope_from: input.envelopeFrom,
      envelope_to: input.envelopeTo,
      remote_address: input.remoteAddress,
      raw: input.raw,
      size_bytes: input.raw.length,
    })
    .execute();
  return { id };
}

export async function markInboundEmail(
  db: Db,
  input: {
    organisationId: string;
    id: string;
    status: Exclude<InboundEmailStatus, "received">;
    error?: string | null;
    caseId?: string | null;
    messageId?: string | null;
    clock: Clock;
  },
): Promise<void> {
  await db
    .updateTable("inbound_emails")
    .set({
      status: input.status,
      error: input.error ?? null,
      case_id: input.caseId ?? null,
      ...(input.messageId === undefined ? {} : { message_id: input.messageId }),
      processed_at: input.clock.now(),
    })
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.id)
    .execute();
}

/** Messages stored but not settled (process stopped mid-way, or a failure worth retrying). */
export async function listUnsettledInboundEmails(db: Db, organisationId: string, limit = 50) {
  return db
    .selectFrom("inbound_emails")
    .select(["id", "raw", "envelope_from"])
    .where("organisation_id", "=", organisationId)
    .where("status", "in", ["received", "failed"])
    .orderBy("received_at")
    .limit(limit)
    .execute();
}
