/**
 * A citizen's rights over their data (RGPD articles 15 and 17), on request to the town: find the
 * cases opened with an e-mail address, export everything held about them, erase it. Used by the
 * command line (src/cli/citizen-data.ts); an administrator checks the requester's identity first.
 */
import { sql } from "kysely";
import type { Clock } from "../../shared/clock.ts";
import type { Db, RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import {
  type CitizenEmails,
  deleteCitizenEmails,
  listCitizenEmails,
} from "../channels/email/case-email-records.ts";
import { normaliseEmail } from "../identity/index.ts";
import { CASE_COLUMNS, selectMessages, toCase } from "./cases.repo.ts";
import { type WipeCounts, wipeCases } from "./wipe-cases.ts";

export const CITIZEN_EXPORT_FORMAT = "guichet-donnees-usager/1";

export type CitizenDataExport = {
  format: typeof CITIZEN_EXPORT_FORMAT;
  exportedAt: string;
  organisation: { slug: string; name: string };
  email: string;
  cases: {
    reference: string;
    channel: string;
    status: string;
    subject: string;
    contact: { name: string | null; email: string | null; phone: string | null };
    openedAt: string;
    closedAt: string | null;
    messages: {
      author: "usager" | "agent" | "systeme";
      /** "interne": a note agents wrote about the request, never shown to the citizen before. */
      visibility: "publique" | "interne";
      body: string;
      createdAt: string;
      attachments: { filename: string; contentType: string; sizeBytes: number; contentBase64: string }[];
    }[];
  }[];
  emails: {
    sent: (Omit<CitizenEmails["sent"][number], "caseId" | "createdAt" | "sentAt"> & {
      caseReference: string | null;
      createdAt: string;
      sentAt: string | null;
    })[];
    received: (Omit<CitizenEmails["received"][number], "caseId" | "receivedAt"> & {
      caseReference: string | null;
      receivedAt: string;
    })[];
  };
};

const AUTHORS = { citizen: "usager", agent: "agent", system: "systeme" } as const;

async function casesOfAddress(db: Db, organisationId: string, email: string) {
  const rows = await db
    .selectFrom("cases")
    .select(CASE_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where(sql<string>`lower(contact_email)`, "=", email)
    .orderBy("opened_at")
    .execute();
  return rows.map(toCase);
}

/** The references of the cases opened with this address (to tell the citizen what will be erased). */
export async function findCitizenCases(
  db: Db,
  input: { organisationId: string; email: string },
): Promise<{ id: string; reference: string; status: string }[]> {
  const found = await casesOfAddress(db, input.organisationId, normaliseEmail(input.email));
  return found.map((c) => ({ id: c.id, reference: c.reference, status: c.status }));
}

/** Everything held about the citizen: cases, threads (with internal notes), documents, mail. */
export async function exportCitizenData(
  db: RootDb,
  input: { organisationId: string; email: string; clock: Clock },
): Promise<CitizenDataExport> {
  const email = normaliseEmail(input.email);
  const organisation = await db
    .selectFrom("organisations")
    .select(["slug", "name"])
    .where("id", "=", input.organisationId)
    .executeTakeFirstOrThrow();
  const cases = await casesOfAddress(db, input.organisationId, email);
  const referenceOf = new Map(cases.map((c) => [c.id, c.reference]));
  const exported: CitizenDataExport["cases"] = [];
  for (const found of cases) {
    const messages = await selectMessages(db, input.organisationId, found.id, { publicOnly: false });
    const attachmentIds = messages.flatMap((m) => m.attachments.map((a) => a.id));
    const contents = new Map(
      attachmentIds.length === 0
        ? []
        : (
            await db
              .selectFrom("case_attachments")
              .select(["id", "content"])
              .where("organisation_id", "=", input.organisationId)
              .where("id", "in", attachmentIds)
              .execute()
          ).map((row) => [row.id, Buffer.from(row.content).toString("base64")]),
    );
    exported.push({
      reference: found.reference,
      channel: found.channel,
      status: found.status,
      subject: found.subject,
      contact: found.contact,
      openedAt: found.openedAt.toISOString(),
      closedAt: found.closedAt?.toISOString() ?? null,
      messages: messages.map((m) => ({
        author: AUTHORS[m.author],
        visibility: m.visibility === "public" ? "publique" : "interne",
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        attachments: m.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          contentBase64: contents.get(a.id) ?? "",
        })),
      })),
    });
  }
  const mail = await listCitizenEmails(db, {
    organisationId: input.organisationId,
    email,
    caseIds: cases.map((c) => c.id),
  });
  const now = input.clock.now();
  await recordEvent(db, {
    organisationId: input.organisationId,
    entityType: "citizen_request",
    entityId: newId(),
    action: "data_exported",
    data: { cases: cases.map((c) => c.id), sent: mail.sent.length, received: mail.received.length },
  });
  return {
    format: CITIZEN_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    organisation,
    email,
    cases: exported,
    emails: {
      sent: mail.sent.map(({ caseId, createdAt, sentAt, ...rest }) => ({
        ...rest,
        caseReference: caseId ? (referenceOf.get(caseId) ?? null) : null,
        createdAt: createdAt.toISOString(),
        sentAt: sentAt?.toISOString() ?? null,
      })),
      received: mail.received.map(({ caseId, receivedAt, ...rest }) => ({
        ...rest,
        caseReference: caseId ? (referenceOf.get(caseId) ?? null) : null,
        receivedAt: receivedAt.toISOString(),
      })),
    },
  };
}

/**
 * Erases what is held about the citizen, in one transaction: their cases keep their row and the
 * shape of their thread, with contact, subject and bodies replaced and documents deleted (see
 * wipe-cases.ts); their mail — including mail that opened no case — is deleted. Events: one per
 * case, and one for the request, counts only.
 */
export async function eraseCitizenData(
  db: RootDb,
  input: { organisationId: string; email: string; clock: Clock; actorId?: string | null },
): Promise<WipeCounts & { otherOutboxEmails: number; otherInboundEmails: number }> {
  const email = normaliseEmail(input.email);
  const now = input.clock.now();
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom("cases")
      .select("id")
      .where("organisation_id", "=", input.organisationId)
      .where(sql<string>`lower(contact_email)`, "=", email)
      .orderBy("id")
      .forUpdate()
      .execute();
    const counts = await wipeCases(trx, {
      organisationId: input.organisationId,
      caseIds: locked.map((row) => row.id),
      mode: "erase",
      now,
      actorId: input.actorId ?? null,
    });
    const other = await deleteCitizenEmails(trx, { organisationId: input.organisationId, email });
    const result = { ...counts, otherOutboxEmails: other.outbox, otherInboundEmails: other.inbound };
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "citizen_request",
      entityId: newId(),
      action: "data_erased",
      actorId: input.actorId ?? null,
      data: { ...result, caseIds: locked.map((row) => row.id) },
    });
    return result;
  });
}
