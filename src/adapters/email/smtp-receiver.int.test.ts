import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import nodemailer from "nodemailer";
import type { SendMailOptions } from "nodemailer/lib/mailer";
import { pino } from "pino";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { recordMessageIdDomain } from "../../domains/channels/email/index.ts";
import { ensureOrganisation } from "../../domains/identity/index.ts";
import { fixedClock } from "../../shared/clock.ts";
import { startSmtpReceiver } from "./smtp-receiver.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n", "latin1");
const MAX_BYTES = 25 * 1024 * 1024;

describe("SMTP receiver: mail in, raw kept first, cases opened or joined", () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let organisationId = "";
  let logLines: string[] = [];
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));

  const client = () =>
    nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, secure: false, ignoreTLS: true });
  const send = (message: SendMailOptions) =>
    client().sendMail({
      from: '"Jeanne Martin" <jeanne.martin@example.org>',
      to: "accueil@mairie-demo.fr",
      ...message,
    });
  const inbound = () => database.db.selectFrom("inbound_emails").selectAll().orderBy("received_at").execute();
  const cases = () => database.db.selectFrom("cases").selectAll().orderBy("opened_at").execute();
  const messagesOf = (caseId: string) =>
    database.db
      .selectFrom("case_messages")
      .selectAll()
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute();

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await receiver?.close();
    await database.truncate();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
    await recordMessageIdDomain(database.db, "mairie-demo.fr");
    logLines = [];
    receiver = await startSmtpReceiver({
      db: database.db,
      clock,
      logger: pino({ level: "info" }, { write: (line: string) => logLines.push(line) }),
      organisationId,
      publicUrl: "https://guichet.mairie-demo.fr",
      ownAddress: "guichet@mairie-demo.fr",
      ownMessageIdDomain: "mairie-demo.fr",
      port: 0,
      host: "127.0.0.1",
      maxBytes: MAX_BYTES,
    });
  });
  after(async () => {
    await receiver?.close();
    await database?.close();
  });

  it("stores a new message raw, opens an e-mail case with its attachment and queues the acknowledgement", async () => {
    const info = await send({
      subject: "Demande d'acte de naissance",
      text: "Bonjour,\nje souhaite un acte de naissance.\nJeanne Martin",
      messageId: "<first@mail.example.org>",
      attachments: [{ filename: "justificatif.pdf", content: PDF, contentType: "application/pdf" }],
    });
    assert.match(info.response, /^250 /);

    const [stored] = await inbound();
    assert.ok(stored);
    assert.equal(stored.status, "processed");
    assert.equal(stored.message_id, "<first@mail.example.org>");
    assert.equal(stored.envelope_from, "jeanne.martin@example.org");
    assert.match(Buffer.from(stored.raw).toString("latin1"), /Subject: Demande d'acte de naissance/);

    const [opened] = await cases();
    assert.ok(opened);
    assert.equal(stored.case_id, opened.id);
    assert.equal(opened.channel, "email");
    assert.equal(opened.subject, "Demande d'acte de naissance");
    assert.equal(opened.contact_email, "jeanne.martin@example.org");
    assert.equal(opened.contact_name, "Jeanne Martin");
    const [first] = await messagesOf(opened.id);
    assert.equal(first?.body, "Bonjour,\nje souhaite un acte de naissance.\nJeanne Martin");
    const files = await database.db
      .selectFrom("case_attachments")
      .select(["filename", "content_type"])
      .execute();
    assert.deepEqual(files, [{ filename: "justificatif.pdf", content_type: "application/pdf" }]);

    const outbox = await database.db.selectFrom("outbox_emails").selectAll().execute();
    assert.equal(outbox.length, 1);
    assert.equal(outbox[0]?.kind, "acknowledgement");
    assert.equal(outbox[0]?.in_reply_to, "<first@mail.example.org>");
    assert.equal(outbox[0]?.to_address, "jeanne.martin@example.org");

    const logs = logLines.join("\n");
    assert.ok(!logs.includes("acte de naissance") && !logs.includes("jeanne.martin"), "no content in logs");
  });

  it("adds a reply (In-Reply-To our acknowledgement) to its case, and ignores a second delivery", async () => {
    await send({
      subject: "Poubelles",
      text: "Le bac n'a pas été vidé.",
      messageId: "<q1@mail.example.org>",
    });
    const [ack] = await database.db.selectFrom("outbox_emails").select(["message_id", "subject"]).execute();
    assert.ok(ack);
    const reply = {
      subject: `Re: ${ack.subject}`,
      text: "Toujours pas vidé ce matin.",
      messageId: "<q2@mail.example.org>",
      inReplyTo: ack.message_id,
      references: ["<q1@mail.example.org>", ack.message_id],
    };
    await send(reply);
    await send(reply); // the client's retry after a lost 250

    const all = await cases();
    assert.equal(all.length, 1, "one case only");
    const bodies = (await messagesOf(all[0]?.id ?? "")).map((m) => m.body);
    assert.deepEqual(bodies, ["Le bac n'a pas été vidé.", "Toujours pas vidé ce matin."]);
    const rows = await inbound();
    assert.deepEqual(
      rows.map((r) => [r.status, r.case_id]),
      [
        ["processed", all[0]?.id],
        ["processed", all[0]?.id],
        ["processed", all[0]?.id],
      ],
    );
  });

  it("joins a case by the reference in the subject when the headers were lost", async () => {
    await send({ subject: "Voirie", text: "Un trou dans la chaussée." });
    const [opened] = await cases();
    await send({ subject: `Complément ${opened?.reference}`, text: "Photo à venir." });
    assert.equal((await cases()).length, 1);
    assert.equal((await messagesOf(opened?.id ?? "")).length, 2);
  });

  it("keeps an auto-reply but opens nothing and answers nothing (no mail loop)", async () => {
    await send({
      subject: "Absence du bureau",
      text: "Je suis absente jusqu'au 20 mars.",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    const [stored] = await inbound();
    assert.equal(stored?.status, "rejected");
    assert.equal(stored?.error, "Réponse automatique (Auto-Submitted: auto-replied).");
    assert.equal((await cases()).length, 0);
    assert.equal((await database.db.selectFrom("outbox_emails").selectAll().execute()).length, 0);
  });

  it("refuses a 50 MB message with 552 during DATA, and keeps nothing", async () => {
    const line = `${"a".repeat(998)}\r\n`;
    const raw = Buffer.concat([
      Buffer.from("From: Jeanne <jeanne.martin@example.org>\r\nSubject: Gros fichier\r\n\r\n"),
      Buffer.from(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))),
    ]);
    const error = await client()
      .sendMail({ envelope: { from: "jeanne.martin@example.org", to: ["accueil@mairie-demo.fr"] }, raw })
      .then(
        () => assert.fail("the message should have been refused"),
        (e: Error & { responseCode?: number; response?: string; command?: string }) => e,
      );
    assert.equal(error.command, "DATA", "refused at the end of DATA, not before");
    assert.equal(error.responseCode, 552);
    assert.match(error.response ?? "", /Message trop volumineux : 25 Mo au maximum/);
    assert.equal((await inbound()).length, 0);
    assert.equal((await cases()).length, 0);
  });

  it("stores malformed MIME and marks it rejected with a French reason, without crashing", async () => {
    const raw = Buffer.concat([
      Buffer.from(
        'Content-Type: multipart/mixed; boundary="XX"\r\nSubject: \xff\xfe\r\n\r\n--YY\r\n',
        "latin1",
      ),
      Buffer.from([0, 1, 2, 255, 254, 13, 10]),
    ]);
    const info = await client().sendMail({
      envelope: { from: "x@example.org", to: ["accueil@mairie-demo.fr"] },
      raw,
    });
    assert.match(info.response, /^250 /);
    const [stored] = await inbound();
    assert.equal(stored?.status, "rejected");
    assert.equal(stored?.error, "Message illisible : l'adresse de l'expéditeur est absente ou invalide.");
    assert.deepEqual(Buffer.from(stored?.raw ?? []), raw, "the original bytes are kept");
    assert.equal((await cases()).length, 0);

    // and the receiver still works
    await send({ subject: "Après", text: "Toujours là ?" });
    assert.equal((await cases()).length, 1);
  });

  it("turns an HTML-only message into inert text", async () => {
    await send({
      subject: "Question",
      html: '<p>Bonjour <b>madame</b>,</p><script>alert("x")</script><p onclick="steal()">Merci</p><img src="https://pixel.example/t.gif">',
    });
    const [opened] = await cases();
    const [first] = await messagesOf(opened?.id ?? "");
    assert.ok(first);
    assert.match(first.body, /Bonjour madame,/);
    assert.match(first.body, /Merci/);
    assert.doesNotMatch(first.body, /<|>|script|alert|onclick/);
  });

  it("still files the message when an attachment is refused, saying so in the thread", async () => {
    await send({
      subject: "Dossier",
      text: "Voici mon dossier.",
      attachments: [{ filename: "programme.exe", content: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }],
    });
    const [opened] = await cases();
    const [first] = await messagesOf(opened?.id ?? "");
    assert.match(
      first?.body ?? "",
      /^Voici mon dossier\.\n\n\[Pièces jointes non reprises : .+ Elles restent dans l'e-mail d'origine conservé\.\]$/,
    );
    assert.equal((await database.db.selectFrom("case_attachments").selectAll().execute()).length, 0);
    assert.equal((await inbound())[0]?.status, "processed");
  });

  it("settles later a message stored but never processed (crash between storing and processing)", async () => {
    const raw = Buffer.from(
      "From: Paul <paul@example.org>\r\nSubject: Reprise\r\nMessage-ID: <crash@example.org>\r\n\r\nBonjour\r\n",
    );
    await database.db
      .insertInto("inbound_emails")
      .values({
        id: "6f1c1b8e-6c4e-4c71-9d0e-6c2f3f0b6a11",
        organisation_id: organisationId,
        received_at: clock.now(),
        raw,
        size_bytes: raw.length,
        envelope_from: "paul@example.org",
      })
      .execute();
    assert.equal(await receiver.retryUnsettled(), 1);
    assert.equal((await inbound())[0]?.status, "processed");
    assert.equal((await cases())[0]?.subject, "Reprise");
  });
});
