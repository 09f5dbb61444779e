/**
 * A citizen's request: every case of an address found (any case of letters), exported with threads,
 * internal notes, documents and mail, then erased — the other citizens' data untouched.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { PDF_BYTES } from "../../../test/helpers/multipart-body.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { isAppError } from "../../shared/app-error.ts";
import { fixedClock } from "../../shared/clock.ts";
import { newId } from "../../shared/ids.ts";
import { enqueueEmail, storeInboundEmail } from "../channels/email/index.ts";
import { callerHash } from "../channels/voice/index.ts";
import { ensureOrganisation } from "../identity/index.ts";
import {
  addInternalNote,
  ERASED_BODY,
  ERASED_SUBJECT,
  eraseCitizenData,
  exportCitizenData,
  findCaseByTrackingToken,
  findCitizenCases,
  replyToCase,
} from "./index.ts";

describe("citizen data: export and erasure", () => {
  let database: TestDatabase;
  let org: string;
  let agentId: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  const db = () => database.db;
  let first: Awaited<ReturnType<typeof aCase>>;
  let second: Awaited<ReturnType<typeof aCase>>;
  let stranger: Awaited<ReturnType<typeof aCase>>;

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    org = (await ensureOrganisation(db(), { slug: "a", name: "Ville A" })).id;
    agentId = (await anAgent(db(), { organisationId: org, roles: ["agent"] })).id;
    first = await aCase(db(), {
      organisationId: org,
      clock,
      subject: "Acte de naissance",
      contact: { name: "Jeanne Martin", email: "jeanne.martin@example.org", phone: "06 12 34 56 78" },
      body: "Je suis née à Démo le 1er mai 1980.",
      attachments: [{ filename: "livret.pdf", content: PDF_BYTES }],
    });
    await replyToCase(db(), {
      organisationId: org,
      caseId: first.caseId,
      actor: { agentId },
      body: "Voici votre acte.",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    await addInternalNote(db(), {
      organisationId: org,
      caseId: first.caseId,
      actor: { agentId },
      body: "Vérifié au registre.",
      clock,
    });
    second = await aCase(db(), {
      organisationId: org,
      clock,
      subject: "Stationnement",
      contact: { name: "Jeanne", email: "Jeanne.Martin@Example.org" },
    });
    stranger = await aCase(db(), {
      organisationId: org,
      clock,
      subject: "Poubelles",
      contact: { name: "Paul", email: "paul@example.org" },
    });
    // Mail that opened no case: a refused message, and a notification sent directly.
    await storeInboundEmail(db(), {
      organisationId: org,
      raw: Buffer.from("From: Jeanne <jeanne.martin@example.org>\r\nSubject: Absence\r\n\r\nAbsente."),
      envelopeFrom: "JEANNE.MARTIN@example.org",
      envelopeTo: ["accueil@ville-a.fr"],
      remoteAddress: null,
      clock,
    });
    await enqueueEmail(db(), {
      organisationId: org,
      to: "jeanne.martin@example.org",
      subject: "Information",
      text: "Bonjour Jeanne.",
    });
  });
  after(() => database.close());

  it("finds every case of the address, whatever the case of its letters", async () => {
    const found = await findCitizenCases(db(), { organisationId: org, email: " JEANNE.martin@example.org " });
    assert.deepEqual(
      found.map((c) => c.reference),
      [first.reference, second.reference],
    );
  });

  it("exports everything held: cases, thread with internal notes, documents, mail in and out", async () => {
    const exported = await exportCitizenData(db(), {
      organisationId: org,
      email: "jeanne.martin@example.org",
      clock,
    });
    assert.equal(exported.format, "guichet-donnees-usager/2");
    assert.equal(exported.email, "jeanne.martin@example.org");
    assert.deepEqual(
      exported.cases.map((c) => c.reference),
      [first.reference, second.reference],
    );
    const [acte] = exported.cases;
    assert.deepEqual(acte?.contact, {
      name: "Jeanne Martin",
      email: "jeanne.martin@example.org",
      phone: "06 12 34 56 78",
    });
    assert.deepEqual(
      acte?.messages.map((m) => [m.author, m.visibility, m.body]),
      [
        ["usager", "publique", "Je suis née à Démo le 1er mai 1980."],
        ["agent", "publique", "Voici votre acte."],
        ["agent", "interne", "Vérifié au registre."],
      ],
    );
    const document = acte?.messages[0]?.attachments[0];
    assert.equal(document?.filename, "livret.pdf");
    assert.ok(Buffer.from(document?.contentBase64 ?? "", "base64").equals(PDF_BYTES));
    // Two acknowledgements, one reply, one notification; the refused message kept raw.
    assert.equal(exported.emails.sent.length, 4);
    assert.ok(exported.emails.sent.some((m) => m.subject === "Information" && m.caseReference === null));
    assert.ok(exported.emails.sent.some((m) => m.caseReference === first.reference));
    assert.equal(exported.emails.received.length, 1);
    assert.match(Buffer.from(exported.emails.received[0]?.rawBase64 ?? "", "base64").toString(), /Absente\./);
    assert.ok(!JSON.stringify(exported).includes("Poubelles"), "nothing of another citizen");
    const event = await db()
      .selectFrom("events")
      .select("data")
      .where("action", "=", "data_exported")
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(event.data).includes("jeanne"), "the event names no one");
  });

  it("erases contact, subjects, bodies, documents and mail; other citizens keep theirs", async () => {
    const counts = await eraseCitizenData(db(), {
      organisationId: org,
      email: "Jeanne.Martin@example.org",
      clock,
      actorId: null,
    });
    assert.equal(counts.cases, 2);
    assert.equal(counts.messages, 4);
    assert.equal(counts.attachments, 1);
    assert.equal(counts.outboxEmails, 3, "both acknowledgements and the reply");
    assert.equal(counts.otherOutboxEmails, 1, "the notification");
    assert.equal(counts.otherInboundEmails, 1, "the refused message");

    const rows = await db()
      .selectFrom("cases")
      .select(["id", "subject", "contact_name", "contact_email", "contact_phone", "purged_at"])
      .where("id", "in", [first.caseId, second.caseId])
      .execute();
    for (const row of rows) {
      assert.equal(row.subject, ERASED_SUBJECT);
      assert.deepEqual([row.contact_name, row.contact_email, row.contact_phone], [null, null, null]);
      assert.ok(row.purged_at);
    }
    const bodies = await db()
      .selectFrom("case_messages")
      .select("body")
      .where("case_id", "=", first.caseId)
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      bodies.map((b) => b.body),
      [ERASED_BODY, ERASED_BODY, ERASED_BODY],
      "the thread keeps its shape, not its words",
    );
    assert.equal((await db().selectFrom("case_attachments").select("id").execute()).length, 0);
    const mailLeft = await db().selectFrom("outbox_emails").select("to_address").execute();
    assert.deepEqual(mailLeft, [{ to_address: "paul@example.org" }]);
    assert.equal((await db().selectFrom("inbound_emails").select("id").execute()).length, 0);
    assert.equal(
      await findCaseByTrackingToken(db(), { organisationId: org, token: first.trackingToken }),
      null,
    );
    assert.ok(await findCaseByTrackingToken(db(), { organisationId: org, token: stranger.trackingToken }));

    const events = await db()
      .selectFrom("events")
      .select(["entity_id", "action", "data"])
      .where("action", "in", ["erased", "data_erased"])
      .execute();
    assert.equal(events.filter((e) => e.action === "erased").length, 2, "one per case");
    assert.equal(events.filter((e) => e.action === "data_erased").length, 1, "one for the request");
    assert.ok(!JSON.stringify(events).toLowerCase().includes("jeanne"), "events hold no personal data");

    const again = await exportCitizenData(db(), {
      organisationId: org,
      email: "jeanne.martin@example.org",
      clock,
    });
    assert.deepEqual(again.cases, []);
    assert.deepEqual(again.emails, { sent: [], received: [] }, "nothing left to export");
  });
  describe("with phone calls", () => {
    const REF = "https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE1";
    let fromHerPhone: string;
    let callBack: string;
    let someoneElse: string;

    async function aCall(values: { callerNumber?: string; caseId?: string; recordingRef?: string }) {
      const id = newId();
      await db()
        .insertInto("calls")
        .values({
          id,
          organisation_id: org,
          provider: "twilio",
          provider_call_id: `CA${id.replace(/-/g, "")}`,
          caller_hash: values.callerNumber ? callerHash(org, values.callerNumber) : null,
          started_at: clock.now(),
          ended_at: clock.now(),
          state: "{}",
          path: JSON.stringify([
            { step: "start" },
            { step: "digits", value: "1" },
            { step: "end", value: "assistant" },
          ]),
          outcome: values.caseId ? "callback" : "transferred",
          case_id: values.caseId ?? null,
          recording_consent: values.recordingRef ? true : null,
          recording_ref: values.recordingRef ?? null,
          recorded_at: values.recordingRef ? clock.now() : null,
        })
        .execute();
      return id;
    }

    beforeEach(async () => {
      // Her mobile as the network gives it; a call-back from a withheld number that left her first case.
      fromHerPhone = await aCall({ callerNumber: "+33612345678", recordingRef: REF });
      callBack = await aCall({ caseId: first.caseId });
      someoneElse = await aCall({ callerNumber: "+33699999999", recordingRef: `${REF}0` });
    });

    it("exports the calls that left her cases, and by her number the calls from it, however it is written", async () => {
      const byEmail = await exportCitizenData(db(), {
        organisationId: org,
        email: "jeanne.martin@example.org",
        clock,
      });
      assert.deepEqual(
        byEmail.calls.map((c) => [c.outcome, c.caseReference]),
        [["callback", first.reference]],
      );
      const byPhone = await exportCitizenData(db(), {
        organisationId: org,
        phone: "+33 6 12 34 56 78",
        clock,
      });
      assert.equal(byPhone.email, null);
      assert.equal(byPhone.phone, "0612345678");
      assert.deepEqual(
        byPhone.cases.map((c) => c.reference),
        [first.reference],
        "the case whose contact number is hers (written 06 12 34 56 78)",
      );
      assert.equal(byPhone.calls.length, 2);
      const recorded = byPhone.calls.find((c) => c.recording.reference !== null);
      assert.deepEqual(recorded?.recording, {
        consent: true,
        reference: REF,
        recordedAt: clock.now().toISOString(),
      });
      assert.deepEqual(recorded?.path[1], { step: "digits", value: "1" });
      assert.ok(!JSON.stringify(byPhone).includes(`${REF}0`), "nothing of another caller");
      const both = await exportCitizenData(db(), {
        organisationId: org,
        email: "jeanne.martin@example.org",
        phone: "0033612345678",
        clock,
      });
      assert.equal(both.cases.length, 2);
      assert.equal(both.calls.length, 2);
    });

    it("erases by her number: the pseudonym and the recording reference of her calls, returned for the operator", async () => {
      const erased = await eraseCitizenData(db(), { organisationId: org, phone: "06.12.34.56.78", clock });
      assert.equal(erased.cases, 1, "the case with her number");
      assert.equal(erased.calls, 2);
      assert.deepEqual(erased.recordings, [REF]);
      assert.equal(erased.otherOutboxEmails, 0, "no address given: other mail untouched");
      const calls = Object.fromEntries(
        (
          await db()
            .selectFrom("calls")
            .select(["id", "caller_hash", "recording_ref", "outcome", "started_at"])
            .execute()
        ).map((row) => [row.id, [row.caller_hash !== null, row.recording_ref, row.outcome]]),
      );
      assert.deepEqual(calls[fromHerPhone], [false, null, "transferred"], "the record stays for the figures");
      assert.deepEqual(calls[callBack], [false, null, "callback"]);
      assert.deepEqual(calls[someoneElse], [true, `${REF}0`, "transferred"]);
      const second_ = await db()
        .selectFrom("cases")
        .select("subject")
        .where("id", "=", second.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(second_.subject, "Stationnement", "her case without that number is not erased by it");
      const event = await db()
        .selectFrom("events")
        .select("data")
        .where("action", "=", "data_erased")
        .executeTakeFirstOrThrow();
      assert.equal((event.data as { calls?: number }).calls, 2);
      assert.doesNotMatch(JSON.stringify(event.data), /612345678|twilio/, "counts, no number nor reference");
      const again = await exportCitizenData(db(), { organisationId: org, phone: "0612345678", clock });
      assert.deepEqual(again.cases, []);
      assert.deepEqual(again.calls, [], "nothing left that leads to her number");
    });

    it("refuses a request naming no one", async () => {
      await assert.rejects(
        exportCitizenData(db(), { organisationId: org, email: " ", phone: "12", clock }),
        (error: unknown) =>
          isAppError(error) &&
          error.code === "BAD_REQUEST" &&
          /Indiquez l'adresse électronique ou le numéro de téléphone/.test(error.userMessage ?? ""),
      );
    });
  });
});
