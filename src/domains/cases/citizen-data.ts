/**
 * A citizen's rights over their data (RGPD articles 15 and 17), on request to the town: find the
 * cases opened with an e-mail address or a phone number, export everything held about them — with
 * their phone calls — and erase it. Used by the command line (src/cli/citizen-data.ts); an
 * administrator checks the requester's identity first.
 */
import { sql } from "kysely";
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import {
  type CitizenEmails,
  deleteCitizenEmails,
  listCitizenEmails,
} from "../channels/email/case-email-records.ts";
import { forgetCitizenCalls, listCitizenCalls } from "../channels/voice/citizen-calls.ts";
import { nationalNumber } from "../channels/voice/phone-numbers.ts";
import { normaliseEmail } from "../identity/index.ts";
import { CASE_COLUMNS, selectMessages, toCase } from "./cases.repo.ts";
import { type WipeCounts, wipeCases } from "./wipe-cases.ts";

/** v2: the citizen is named by an e-mail address and/or a phone number; their phone calls are included. */
export const CITIZEN_EXPORT_FORMAT = "guichet-donnees-usager/2";

/** Who asks: an e-mail address, a phone number, or both (at least one). */
export type CitizenIdentity = { email?: string | null | undefined; phone?: string | null | undefined };

export type CitizenDataExport = {
  format: typeof CITIZEN_EXPORT_FORMAT;
  exportedAt: string;
  organisation: { slug: string; name: string };
  email: string | null;
  /** National form ("0612345678"), or the digits as given for a foreign number. */
  phone: string | null;
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
  /** Calls to the phone assistant: from this number, or that left one of these cases. */
  calls: {
    provider: string;
    startedAt: string;
    endedAt: string | null;
    /** assistant, transferred (an agent answered), callback, abandoned, failed. */
    outcome: string | null;
    caseReference: string | null;
    /** What the call did: keys, choices, pages read (ids), steps — never what was said. */
    path: Record<string, unknown>[];
    recording: { consent: boolean | null; reference: string | null; recordedAt: string | null };
  }[];
};

const AUTHORS = { citizen: "usager", agent: "agent", system: "systeme" } as const;

type Citizen = { email: string | null; phone: string | null };

/** The identity normalised: the address lower-cased, the number as its national digits. */
function citizenOf(input: CitizenIdentity): Citizen {
  const email = input.email?.trim() ? normaliseEmail(input.email) : null;
  const phone = input.phone?.trim() ? nationalNumber(input.phone) : null;
  if (!email && (!phone || phone.length < 6))
    throw new AppError("BAD_REQUEST", {
      message: "citizen request without e-mail address or phone number",
      userMessage: "Indiquez l'adresse électronique ou le numéro de téléphone de l'usager.",
    });
  return { email, phone: phone && phone.length >= 6 ? phone : null };
}

/** Digits of a contact phone that are this number: "06 12…", "+33 6 12…", "0033 6 12…" alike. */
function phoneForms(national: string): string[] {
  if (!/^0\d{9}$/.test(national)) return [national];
  return [national, `33${national.slice(1)}`, `0033${national.slice(1)}`];
}

function citizenCasesQuery(db: Db, organisationId: string, who: Citizen) {
  return db
    .selectFrom("cases")
    .where("organisation_id", "=", organisationId)
    .where((eb) =>
      eb.or([
        ...(who.email ? [eb(sql<string>`lower(contact_email)`, "=", who.email)] : []),
        ...(who.phone
          ? [
              eb(
                sql<string>`regexp_replace(coalesce(contact_phone, ''), '[^0-9]', '', 'g')`,
                "in",
                phoneForms(who.phone),
              ),
            ]
          : []),
      ]),
    );
}

async function casesOf(db: Db, organisationId: string, who: Citizen) {
  const rows = await citizenCasesQuery(db, organisationId, who)
    .select(CASE_COLUMNS)
    .orderBy("opened_at")
    .execute();
  return rows.map(toCase);
}

/** The references of the cases opened with this address or number (to tell the citizen what will be erased). */
export async function findCitizenCases(
  db: Db,
  input: { organisationId: string } & CitizenIdentity,
): Promise<{ id: string; reference: string; status: string }[]> {
  const found = await casesOf(db, input.organisationId, citizenOf(input));
  return found.map((c) => ({ id: c.id, reference: c.reference, status: c.status }));
}

/** Everything held about the citizen: cases, threads (with internal notes), documents, mail, calls. */
export async function exportCitizenData(
  db: RootDb,
  input: { organisationId: string; clock: Clock } & CitizenIdentity,
): Promise<CitizenDataExport> {
  const who = citizenOf(input);
  const organisation = await db
    .selectFrom("organisations")
    .select(["slug", "name"])
    .where("id", "=", input.organisationId)
    .executeTakeFirstOrThrow();
  const cases = await casesOf(db, input.organisationId, who);
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
  // Without an address, only the mail of the cases ("" matches no address).
  const mail = await listCitizenEmails(db, {
    organisationId: input.organisationId,
    email: who.email ?? "",
    caseIds: cases.map((c) => c.id),
  });
  const calls = await listCitizenCalls(db, {
    organisationId: input.organisationId,
    phone: who.phone,
    caseIds: cases.map((c) => c.id),
  });
  const now = input.clock.now();
  await recordEvent(db, {
    organisationId: input.organisationId,
    entityType: "citizen_request",
    entityId: newId(),
    action: "data_exported",
    data: {
      cases: cases.map((c) => c.id),
      sent: mail.sent.length,
      received: mail.received.length,
      calls: calls.length,
    },
  });
  return {
    format: CITIZEN_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    organisation,
    email: who.email,
    phone: who.phone,
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
    calls: calls.map((call) => ({
      provider: call.provider,
      startedAt: call.startedAt.toISOString(),
      endedAt: call.endedAt?.toISOString() ?? null,
      outcome: call.outcome,
      caseReference: call.caseId ? (referenceOf.get(call.caseId) ?? null) : null,
      path: call.path,
      recording: {
        consent: call.recordingConsent,
        reference: call.recordingRef,
        recordedAt: call.recordedAt?.toISOString() ?? null,
      },
    })),
  };
}

/**
 * Erases what is held about the citizen, in one transaction: their cases keep their row and the
 * shape of their thread, with contact, subject and bodies replaced and documents deleted (see
 * wipe-cases.ts); their mail — including mail that opened no case — is deleted; their calls lose
 * the caller pseudonym and the recording reference (returned: the operator deletes those recordings
 * at the provider). Events: one per case, and one for the request, counts only.
 */
export async function eraseCitizenData(
  db: RootDb,
  input: { organisationId: string; clock: Clock; actorId?: string | null } & CitizenIdentity,
): Promise<
  WipeCounts & { otherOutboxEmails: number; otherInboundEmails: number; calls: number; recordings: string[] }
> {
  const who = citizenOf(input);
  const now = input.clock.now();
  return db.transaction().execute(async (trx) => {
    const locked = await citizenCasesQuery(trx, input.organisationId, who)
      .select("id")
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
    const other = who.email
      ? await deleteCitizenEmails(trx, { organisationId: input.organisationId, email: who.email })
      : { outbox: 0, inbound: 0 };
    const calls = await forgetCitizenCalls(trx, {
      organisationId: input.organisationId,
      phone: who.phone,
      caseIds: locked.map((row) => row.id),
    });
    const result = { ...counts, otherOutboxEmails: other.outbox, otherInboundEmails: other.inbound };
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "citizen_request",
      entityId: newId(),
      action: "data_erased",
      actorId: input.actorId ?? null,
      data: {
        ...result,
        calls: calls.calls,
        recordings: calls.recordings.length,
        caseIds: locked.map((row) => row.id),
      },
    });
    return { ...result, calls: calls.calls, recordings: calls.recordings };
  });
}
