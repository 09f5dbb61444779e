import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { refusalOf } from "../../../test/helpers/refusal.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { findCaseByTrackingToken, type OpenCaseInput, openCase } from "./index.ts";

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n", "latin1");

describe("openCase", () => {
  let database: TestDatabase;
  let orgA: string;
  let orgB: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    clock.set(new Date("2026-03-10T09:00:00Z"));
    orgA = (await ensureOrganisation(database.db, { slug: "a", name: "Ville A" })).id;
    orgB = (await ensureOrganisation(database.db, { slug: "b", name: "Ville B" })).id;
  });
  after(() => database.close());

  it("numbers sequentially per organisation and per year, with the organisation's prefix", async () => {
    await database.db
      .updateTable("organisations")
      .set({ settings: JSON.stringify({ casePrefix: "VB" }) })
      .where("id", "=", orgB)
      .execute();
    const refs: string[] = [];
    for (const organisationId of [orgA, orgA, orgB, orgA])
      refs.push((await aCase(database.db, { organisationId, clock })).reference);
    clock.set(new Date("2026-12-31T23:30:00Z")); // already 2027 in Paris
    refs.push((await aCase(database.db, { organisationId: orgA, clock })).reference);
    assert.deepEqual(refs, [
      "GU-2026-000001",
      "GU-2026-000002",
      "VB-2026-000001",
      "GU-2026-000003",
      "GU-2027-000001",
    ]);
  });

  it("gives 20 concurrent opens 20 distinct, gapless references", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => aCase(database.db, { organisationId: orgA, clock })),
    );
    const numbers = results.map((r) => Number(r.reference.slice(-6))).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("opens one case for a double submission, even when both arrive at once", async () => {
    const input = {
      organisationId: orgA,
      channel: "web" as const,
      subject: "Inscription cantine",
      contact: { email: "parent@exemple.fr" },
      body: "Bonjour",
      submissionKey: "form-nonce-1",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    };
    const [first, second] = await Promise.all([openCase(database.db, input), openCase(database.db, input)]);
    const third = await openCase(database.db, input);
    const created = [first, second, third].filter((r) => r.created);
    assert.equal(created.length, 1);
    for (const r of [first, second, third]) assert.equal(r.caseId, created[0]?.caseId);
    assert.deepEqual(
      [first, second, third].map((r) => r.trackingToken === undefined),
      [first, second, third].map((r) => !r.created),
    );
    const count = await database.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    assert.equal(Number(count?.n), 1);
    // the number given back by the losing submission is reused: no gap
    assert.equal((await aCase(database.db, { organisationId: orgA, clock })).reference, "GU-2026-000002");
  });

  it("opens one case for an e-mail delivered twice (same Message-ID)", async () => {
    const input = {
      organisationId: orgA,
      channel: "email" as const,
      subject: "Question",
      contact: { email: "a@exemple.fr" },
      body: "Bonjour",
      emailMessageId: "CAF123@mail.exemple.fr",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    };
    const first = await openCase(database.db, input);
    const second = await openCase(database.db, { ...input, emailMessageId: "<CAF123@mail.exemple.fr>" });
    assert.equal(first.created, true);
    assert.deepEqual(second, {
      caseId: first.caseId,
      reference: first.reference,
      trackingToken: undefined,
      created: false,
    });
  });

  it("gives a tracking token of at least 128 bits once and stores only its SHA-256", async () => {
    const { caseId, trackingToken } = await aCase(database.db, { organisationId: orgA, clock });
    assert.match(trackingToken, /^[A-Za-z0-9_-]+$/);
    assert.ok(Buffer.from(trackingToken, "base64url").length * 8 >= 128);
    const row = await database.db
      .selectFrom("cases")
      .selectAll()
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    assert.equal(row.tracking_token_hash, createHash("sha256").update(trackingToken).digest("hex"));
    assert.ok(!JSON.stringify(row).includes(trackingToken));
    assert.equal(
      (await findCaseByTrackingToken(database.db, { organisationId: orgA, token: trackingToken }))?.caseId,
      caseId,
    );
    const forged = `${trackingToken.slice(0, -1)}${trackingToken.endsWith("A") ? "B" : "A"}`;
    assert.equal(await findCaseByTrackingToken(database.db, { organisationId: orgA, token: forged }), null);
    assert.equal(await findCaseByTrackingToken(database.db, { organisationId: orgA, token: "" }), null);
  });

  it("writes the event, and the audit row when an agent logs a call", async () => {
    const agent = await anAgent(database.db, { organisationId: orgA, roles: ["agent"] });
    const { caseId } = await aCase(database.db, {
      organisationId: orgA,
      channel: "phone",
      contact: { name: "M. Durand", phone: "06 12 34 56 78" },
      actor: { agentId: agent.id },
      clock,
    });
    const events = await database.db
      .selectFrom("events")
      .selectAll()
      .where("entity_id", "=", caseId)
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.actor_id, e.data.reference, e.data.channel]),
      [["opened", agent.id, "GU-2026-000001", "phone"]],
    );
    const audit = await database.db.selectFrom("audit_log").selectAll().execute();
    assert.deepEqual(
      audit.map((a) => [a.agent_id, a.action, a.entity_type, a.entity_id]),
      [[agent.id, "case.opened", "case", caseId]],
    );
    // no e-mail contact: no acknowledgement
    assert.equal((await database.db.selectFrom("outbox_emails").selectAll().execute()).length, 0);
  });

  it("enqueues the French acknowledgement with the reference and the tracking link", async () => {
    const { caseId, reference, trackingToken } = await aCase(database.db, {
      organisationId: orgA,
      subject: "Acte de naissance",
      contact: { email: "Marie@Exemple.fr" },
      clock,
    });
    const [mail, ...others] = await database.db.selectFrom("outbox_emails").selectAll().execute();
    assert.equal(others.length, 0);
    assert.equal(mail?.case_id, caseId);
    assert.equal(mail?.kind, "acknowledgement");
    assert.equal(mail?.to_address, "marie@exemple.fr");
    assert.equal(mail?.subject, `[${reference}] Nous avons bien reçu votre demande : Acte de naissance`);
    assert.ok(mail?.text_body.includes(`Sa référence est ${reference}.`));
    assert.ok(mail?.text_body.includes(`${TEST_PUBLIC_URL}/suivi/${trackingToken}`));
    const ids = await database.db.selectFrom("case_email_ids").selectAll().execute();
    assert.deepEqual(
      ids.map((i) => [i.message_id, i.direction, i.case_id]),
      [[mail?.message_id, "out", caseId]],
    );
  });

  it("refuses invalid input with French messages and writes nothing", async () => {
    const base: OpenCaseInput = {
      organisationId: orgA,
      channel: "web",
      subject: "Objet",
      contact: { email: "a@exemple.fr" },
      body: "Bonjour",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    };
    const cases: [Partial<OpenCaseInput>, string][] = [
      [{ subject: "" }, "Veuillez indiquer l'objet de votre demande."],
      [{ body: " " }, "Veuillez écrire votre message."],
      [
        { contact: { name: "Anonyme" } },
        "Indiquez une adresse électronique ou un numéro de téléphone pour que nous puissions vous répondre.",
      ],
      [
        { contact: { email: "pas-une-adresse" } },
        "L'adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).",
      ],
      [
        { attachments: [{ filename: "devis.pdf", content: Buffer.from("MZ\x90\x00\x03\x00", "latin1") }] },
        "Le fichier « devis.pdf » n'est pas accepté : seuls les documents PDF, les images PNG ou JPEG et les fichiers texte le sont.",
      ],
      [
        { topic: { localItemId: "00000000-0000-4000-8000-000000000000" } },
        "Le sujet choisi pour cette demande est introuvable.",
      ],
    ];
    for (const [change, message] of cases) {
      const error = await refusalOf(openCase(database.db, { ...base, ...change }));
      assert.equal(error.code, "BAD_REQUEST");
      assert.equal(error.userMessage, message);
    }
    assert.equal((await database.db.selectFrom("cases").selectAll().execute()).length, 0);
    assert.equal((await database.db.selectFrom("outbox_emails").selectAll().execute()).length, 0);
    // the counter was rolled back with the refused topic: the first real case is number 1
    assert.equal((await aCase(database.db, { organisationId: orgA, clock })).reference, "GU-2026-000001");
  });

  it("keeps checked attachments with their detected type, size and hash", async () => {
    const { caseId } = await aCase(database.db, {
      organisationId: orgA,
      attachments: [{ filename: "justificatif.pdf", contentType: "application/octet-stream", content: PDF }],
      clock,
    });
    const rows = await database.db
      .selectFrom("case_attachments")
      .innerJoin("case_messages", "case_messages.id", "case_attachments.message_id")
      .select(["case_messages.case_id", "filename", "content_type", "size_bytes", "sha256", "content"])
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.case_id, caseId);
    assert.equal(rows[0]?.content_type, "application/pdf");
    assert.equal(rows[0]?.size_bytes, PDF.length);
    assert.equal(rows[0]?.sha256, createHash("sha256").update(PDF).digest("hex"));
    assert.ok(Buffer.from(rows[0]!.content).equals(PDF));
  });
});
