/**
 * Retention with a fixed clock moved forward: closed cases past RETENTION_CASES_DAYS lose their thread,
 * documents, contact, e-mail ids and tracking token (the row, the audit log and counts-only events
 * stay); other cases are untouched; the e-mail journals past RETENTION_EMAILS_DAYS are deleted.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { PDF_BYTES } from "../../../test/helpers/multipart-body.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { newId } from "../../shared/ids.ts";
import { purgeExpiredEmails, storeInboundEmail } from "../channels/email/index.ts";
import { ensureOrganisation } from "../identity/index.ts";
import {
  changeCaseStatus,
  findCaseByTrackingToken,
  listInbox,
  PURGED_SUBJECT,
  purgeExpiredCases,
  replyToCase,
} from "./index.ts";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-01-05T10:00:00Z");

describe("retention", () => {
  let database: TestDatabase;
  let org: string;
  let agentId: string;
  const clock = fixedClock(T0);
  const db = () => database.db;

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    clock.set(T0);
    org = (await ensureOrganisation(db(), { slug: "a", name: "Ville A" })).id;
    agentId = (await anAgent(db(), { organisationId: org, roles: ["agent"] })).id;
  });
  after(() => database.close());

  /** A case with a reply carrying a document, closed now. */
  async function closedCase(subject: string, email: string) {
    const opened = await aCase(db(), {
      organisationId: org,
      clock,
      subject,
      contact: { name: "Jeanne Martin", email, phone: "06 12 34 56 78" },
      attachments: [{ filename: "piece.pdf", content: PDF_BYTES }],
    });
    await replyToCase(db(), {
      organisationId: org,
      caseId: opened.caseId,
      actor: { agentId },
      body: "Voici le formulaire.",
      attachments: [{ filename: "formulaire.pdf", content: PDF_BYTES }],
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    await changeCaseStatus(db(), {
      organisationId: org,
      caseId: opened.caseId,
      actor: { agentId },
      status: "clos",
      clock,
    });
    return opened;
  }
  const caseRow = (id: string) =>
    db().selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const countWhere = async (table: "case_messages" | "case_email_ids" | "outbox_emails", caseId: string) =>
    (await db().selectFrom(table).select("case_id").where("case_id", "=", caseId).execute()).length;

  it("purges a closed case once its retention has passed, keeping its row, audit and a counts-only event", async () => {
    const old = await closedCase("Acte de naissance de Jeanne", "jeanne.martin@example.org");
    await storeInboundEmail(db(), {
      organisationId: org,
      raw: Buffer.from("From: jeanne.martin@example.org\r\n\r\nBonjour"),
      envelopeFrom: "jeanne.martin@example.org",
      envelopeTo: [],
      remoteAddress: null,
      clock,
    });
    await db().updateTable("inbound_emails").set({ case_id: old.caseId }).execute();
    const open = await aCase(db(), { organisationId: org, clock, subject: "Toujours en cours" });
    const auditBefore = (
      await db().selectFrom("audit_log").select("id").where("entity_id", "=", old.caseId).execute()
    ).length;

    clock.set(new Date(T0.getTime() + 29 * DAY));
    assert.equal((await purgeExpiredCases(db(), { organisationId: org, retentionDays: 30, clock })).cases, 0);
    assert.equal((await caseRow(old.caseId)).purged_at, null, "not before its time");
    const searchNaissance = () =>
      listInbox(db(), { organisationId: org, agentId, filters: { q: "naissance" }, cursor: null });
    assert.equal((await searchNaissance()).items.length, 1, "found by its words before the purge");

    clock.set(new Date(T0.getTime() + 31 * DAY));
    const counts = await purgeExpiredCases(db(), { organisationId: org, retentionDays: 30, clock });
    assert.deepEqual(counts, {
      cases: 1,
      messages: 2,
      attachments: 2,
      emailIds: 2,
      outboxEmails: 2,
      inboundEmails: 1,
    });

    const row = await caseRow(old.caseId);
    assert.equal(row.reference, old.reference, "the reference stays for statistics");
    assert.equal(row.status, "clos");
    assert.equal(row.subject, PURGED_SUBJECT);
    assert.deepEqual([row.contact_name, row.contact_email, row.contact_phone], [null, null, null]);
    assert.equal(row.purged_at?.toISOString(), clock.now().toISOString());
    assert.equal(await countWhere("case_messages", old.caseId), 0);
    assert.equal(await countWhere("case_email_ids", old.caseId), 0);
    assert.equal(await countWhere("outbox_emails", old.caseId), 0);
    assert.equal((await db().selectFrom("case_attachments").select("id").execute()).length, 0);
    assert.equal((await db().selectFrom("inbound_emails").select("id").execute()).length, 0);
    assert.equal(
      await findCaseByTrackingToken(db(), { organisationId: org, token: old.trackingToken }),
      null,
    );
    assert.equal((await searchNaissance()).items.length, 0, "no longer found by its words");

    const auditAfter = (
      await db().selectFrom("audit_log").select("id").where("entity_id", "=", old.caseId).execute()
    ).length;
    assert.equal(auditAfter, auditBefore, "the append-only audit log keeps its rows");
    const event = await db()
      .selectFrom("events")
      .select(["action", "actor_id", "data"])
      .where("entity_id", "=", old.caseId)
      .where("action", "=", "purged")
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_id, null);
    assert.deepEqual(event.data, {
      messages: 2,
      attachments: 2,
      emailIds: 2,
      outboxEmails: 2,
      inboundEmails: 1,
    });
    const allEvents = JSON.stringify(await db().selectFrom("events").select("data").execute());
    assert.ok(
      !allEvents.includes("jeanne") && !allEvents.includes("naissance"),
      "events hold no personal data",
    );

    const untouched = await caseRow(open.caseId);
    assert.equal(untouched.subject, "Toujours en cours");
    assert.equal(untouched.purged_at, null);
    assert.equal(await countWhere("case_messages", open.caseId), 1);

    assert.equal(
      (await purgeExpiredCases(db(), { organisationId: org, retentionDays: 30, clock })).cases,
      0,
      "a second run finds nothing left",
    );
  });

  it("purges a backlog in batches, and leaves another organisation alone", async () => {
    const other = (await ensureOrganisation(db(), { slug: "b", name: "Ville B" })).id;
    const otherAgent = (await anAgent(db(), { organisationId: other, roles: ["agent"] })).id;
    const theirs = await aCase(db(), { organisationId: other, clock });
    await changeCaseStatus(db(), {
      organisationId: other,
      caseId: theirs.caseId,
      actor: { agentId: otherAgent },
      status: "clos",
      clock,
    });
    for (let i = 0; i < 3; i++) await closedCase(`Demande ${i}`, `usager${i}@example.org`);
    clock.set(new Date(T0.getTime() + 400 * DAY));
    const counts = await purgeExpiredCases(db(), {
      organisationId: org,
      retentionDays: 365,
      clock,
      batchSize: 1,
    });
    assert.equal(counts.cases, 3);
    assert.equal((await caseRow(theirs.caseId)).purged_at, null, "scoped by organisation");
  });

  it("deletes raw inbound e-mails and settled outbox rows past their retention, keeping mail still to send", async () => {
    const raw = Buffer.from("From: paul@example.org\r\nSubject: Bonjour\r\n\r\nBonjour");
    await storeInboundEmail(db(), {
      organisationId: org,
      raw,
      envelopeFrom: "paul@example.org",
      envelopeTo: ["accueil@ville-a.fr"],
      remoteAddress: "127.0.0.1",
      clock,
    });
    const outbox = (status: "sent" | "failed" | "pending", createdAt: Date) => ({
      id: newId(),
      organisation_id: org,
      to_address: "paul@example.org",
      subject: "Re: Bonjour",
      text_body: "Réponse",
      message_id: `<${newId()}@ville-a.fr>`,
      status,
      created_at: createdAt,
    });
    await db()
      .insertInto("outbox_emails")
      .values([outbox("sent", T0), outbox("failed", T0), outbox("pending", T0)])
      .execute();

    clock.set(new Date(T0.getTime() + 89 * DAY));
    assert.deepEqual(await purgeExpiredEmails(db(), { organisationId: org, retentionDays: 90, clock }), {
      inbound: 0,
      outbox: 0,
    });
    clock.set(new Date(T0.getTime() + 91 * DAY));
    assert.deepEqual(
      await purgeExpiredEmails(db(), { organisationId: org, retentionDays: 90, clock, batchSize: 1 }),
      {
        inbound: 1,
        outbox: 2,
      },
    );
    const left = await db().selectFrom("outbox_emails").select("status").execute();
    assert.deepEqual(left, [{ status: "pending" }], "mail waiting to leave is kept");
    assert.equal((await db().selectFrom("inbound_emails").select("id").execute()).length, 0);
    const event = await db()
      .selectFrom("events")
      .select(["entity_type", "action", "data"])
      .where("action", "=", "purged")
      .executeTakeFirstOrThrow();
    assert.equal(event.entity_type, "email_retention");
    assert.equal((event.data as { inbound: number }).inbound, 1);
    assert.equal((event.data as { outbox: number }).outbox, 2);
  });
});
