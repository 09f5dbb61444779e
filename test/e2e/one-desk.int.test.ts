/**
 * The one desk end to end, with real SMTP conversations on loopback:
 * a web-form case and an e-mail case reach the inbox; an agent replies from the back office; the citizen
 * receives the reply with its attached document (local SMTP sink) and answers by e-mail; the case
 * thread shows everything in order.
 * Also: SMTP down during a reply → delivered once it comes back.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { pino } from "pino";
import { startSmtpReceiver } from "../../src/adapters/email/smtp-receiver.ts";
import { createSmtpSender } from "../../src/adapters/email/smtp-sender.ts";
import { createEmailWorker } from "../../src/domains/channels/email/index.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { aBackofficeClient } from "../factories/a-backoffice-client.ts";
import { anAgent } from "../factories/an-agent.ts";
import { multipartBody, PDF_BYTES } from "../helpers/multipart-body.ts";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

const TOWN_ADDRESS = "guichet@mairie-demo.fr";

describe("one desk, end to end over HTTP and SMTP", () => {
  // Near real time: the back-office client drops cookies that expired by the wall clock.
  const clock = fixedClock(new Date());
  const logger = pino({ level: "silent" });
  let t: TestApp;
  let sink: SmtpSink;
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let worker: ReturnType<typeof createEmailWorker>;

  const citizenMail = (message: SendMailOptions) =>
    nodemailer
      .createTransport({ host: "127.0.0.1", port: receiver.port, secure: false, ignoreTLS: true })
      .sendMail({ from: '"Jeanne Martin" <jeanne.martin@example.org>', to: TOWN_ADDRESS, ...message });

  before(async () => {
    // http: in-process requests are not TLS, and the session cookie is Secure under https.
    t = await createTestApp({
      clock,
      env: { PUBLIC_URL: "http://guichet.mairie-demo.fr", MAIL_FROM: TOWN_ADDRESS },
    });
    sink = await startSmtpSink();
    worker = createEmailWorker({
      db: t.database.db,
      sender: createSmtpSender({ url: sink.url, from: `Ville de Démo <${TOWN_ADDRESS}>` }),
      clock,
      logger,
    });
    receiver = await startSmtpReceiver({
      db: t.database.db,
      clock,
      logger,
      organisationId: t.deps.organisation.id,
      publicUrl: t.deps.config.publicUrl,
      ownAddress: TOWN_ADDRESS,
      ownMessageIdDomain: "guichet.mairie-demo.fr",
      port: 0,
      host: "127.0.0.1",
      maxBytes: 25 * 1024 * 1024,
    });
  });
  after(async () => {
    await receiver?.close();
    await sink?.stop();
    await t?.close();
  });

  it("web form and e-mail cases reach the inbox; reply by mail; the thread is in order", async () => {
    // 1. A citizen writes through the public form.
    const form = await t.app.inject({ url: "/contact" });
    const key = /name="cle" value="([^"]+)"/.exec(form.body)?.[1];
    assert.ok(key);
    const sent = await t.app.inject({
      method: "POST",
      url: "/contact",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        cle: key,
        nom: "Paul Durand",
        email: "paul.durand@example.org",
        telephone: "",
        sujet: "Inscription à la cantine",
        message: "Bonjour, comment inscrire mon fils à la cantine ?",
      }).toString(),
    });
    assert.equal(sent.statusCode, 200, "the confirmation page");
    const confirmation = sent;
    const webReference = /GU-\d{4}-\d{6}/.exec(confirmation.body)?.[0];
    assert.ok(webReference, "the confirmation shows the reference");

    // 2. Another citizen writes by e-mail.
    await citizenMail({
      subject: "Demande d'acte de naissance",
      text: "Bonjour, je souhaite un acte de naissance.",
    });
    const mailCase = await t.database.db
      .selectFrom("cases")
      .select(["id", "reference", "channel"])
      .where("contact_email", "=", "jeanne.martin@example.org")
      .executeTakeFirstOrThrow();
    assert.equal(mailCase.channel, "email");

    // 3. Both acknowledgements leave through the outbox.
    await worker.runOnce();
    await sink.waitFor(2);
    const acknowledgements = sink.messages.map((m) => ({ to: m.envelope.to[0], text: m.parsed.text ?? "" }));
    const ackForMail = acknowledgements.find((a) => a.to === "jeanne.martin@example.org");
    assert.ok(ackForMail?.text.includes(mailCase.reference), "the acknowledgement names the reference");
    assert.match(ackForMail?.text ?? "", /http:\/\/guichet\.mairie-demo\.fr\/suivi\/[A-Za-z0-9_-]{22,}/);
    assert.ok(acknowledgements.some((a) => a.to === "paul.durand@example.org"));

    // 4. An agent sees both in the inbox and replies to the e-mail case.
    const agent = await anAgent(t.database.db, {
      organisationId: t.deps.organisation.id,
      roles: ["agent"],
      clock,
    });
    const client = aBackofficeClient(t.app);
    const signedIn = await client.signIn(agent.email, agent.password);
    assert.equal(signedIn.statusCode, 303, "signed in");
    const inbox = await client.get("/admin/demandes");
    assert.equal(inbox.statusCode, 200);
    assert.ok(inbox.body.includes(webReference) && inbox.body.includes(mailCase.reference));
    await client.get(`/admin/demandes/${mailCase.reference}`);
    clock.advance(60_000);
    // The reply form is multipart: the agent attaches the form the citizen must fill in.
    const multipart = multipartBody(
      {
        _csrf: client.lastCsrf() ?? "",
        action: "envoyer",
        texte: "Bonjour Madame, votre acte vous sera envoyé sous huit jours.",
        statut: "",
      },
      [
        {
          field: "documents",
          filename: "formulaire-acte.pdf",
          contentType: "application/pdf",
          content: PDF_BYTES,
        },
      ],
    );
    const reply = await t.app.inject({
      method: "POST",
      url: `/admin/demandes/${mailCase.reference}/reponse`,
      headers: {
        ...multipart.headers,
        cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      },
      payload: multipart.payload,
    });
    assert.ok(reply.statusCode < 400, `reply accepted (${reply.statusCode})`);

    // 5. The citizen receives the reply, threaded to her first message.
    await worker.runOnce();
    await sink.waitFor(3);
    const replyMail = sink.messages[2];
    assert.equal(replyMail?.envelope.to[0], "jeanne.martin@example.org");
    assert.match(replyMail?.parsed.text ?? "", /sous huit jours/);
    const replyMessageId = replyMail?.parsed.messageId;
    assert.ok(replyMessageId);
    assert.ok(replyMail?.parsed.inReplyTo, "the reply is threaded (In-Reply-To)");
    const [document] = replyMail?.parsed.attachments ?? [];
    assert.equal(document?.filename, "formulaire-acte.pdf", "the agent's document travels with the mail");
    assert.equal(document?.contentType, "application/pdf");
    assert.ok(document?.content.equals(PDF_BYTES), "byte for byte");

    // 6. She answers by e-mail; the answer joins the same case.
    clock.advance(60_000);
    await citizenMail({
      subject: `Re: ${replyMail?.parsed.subject}`,
      text: "Merci beaucoup, j'attends le courrier.",
      inReplyTo: replyMessageId,
      references: [replyMessageId],
    });
    const cases = await t.database.db.selectFrom("cases").select("id").execute();
    assert.equal(cases.length, 2, "no new case for the answer");

    // 7. The case page shows the thread in order.
    const page = await client.get(`/admin/demandes/${mailCase.reference}`);
    const first = page.body.indexOf("je souhaite un acte de naissance");
    const second = page.body.indexOf("sous huit jours");
    const third =
      page.body.indexOf("j&#39;attends le courrier") >= 0
        ? page.body.indexOf("j&#39;attends le courrier")
        : page.body.indexOf("j'attends le courrier");
    assert.ok(first >= 0 && second > first && third > second, "citizen, agent, citizen in order");

    // 8. The agent marks it resolved: the citizen is told by e-mail, in the same thread.
    const resolved = await client.post(`/admin/demandes/${mailCase.reference}/statut`, { statut: "resolu" });
    assert.ok(resolved.statusCode < 400, `status change accepted (${resolved.statusCode})`);
    await worker.runOnce();
    await sink.waitFor(4);
    const resolution = sink.messages[3];
    assert.equal(resolution?.envelope.to[0], "jeanne.martin@example.org");
    assert.match(
      resolution?.parsed.subject ?? "",
      new RegExp(`\\[${mailCase.reference}\\] Votre demande est traitée`),
    );
    assert.match(
      resolution?.parsed.text ?? "",
      /répondez simplement à ce message : votre demande sera rouverte/,
    );
    assert.ok(resolution?.parsed.inReplyTo, "threaded with the conversation");
  });

  it("delivers a reply written while the SMTP server is down once it is back", async () => {
    const mailCase = await t.database.db
      .selectFrom("cases")
      .select(["reference"])
      .where("contact_email", "=", "jeanne.martin@example.org")
      .executeTakeFirstOrThrow();
    const agent = await anAgent(t.database.db, {
      organisationId: t.deps.organisation.id,
      roles: ["agent"],
      clock,
    });
    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    await client.get(`/admin/demandes/${mailCase.reference}`);
    const before = sink.messages.length;

    await sink.stop();
    await client.post(`/admin/demandes/${mailCase.reference}/reponse`, {
      action: "envoyer",
      texte: "Votre acte est parti ce matin.",
      statut: "",
    });
    await worker.runOnce();
    const pending = await t.database.db
      .selectFrom("outbox_emails")
      .select(["status", "attempts"])
      .where("status", "<>", "sent")
      .execute();
    assert.equal(pending.length, 1, "the reply waits in the outbox");
    assert.equal(pending[0]?.attempts, 1);

    await sink.restart();
    clock.advance(2 * 60 * 60 * 1000);
    await worker.runOnce();
    await sink.waitFor(before + 1);
    assert.equal(sink.messages.length, before + 1, "delivered exactly once");
    assert.match(sink.messages.at(-1)?.parsed.text ?? "", /parti ce matin/);
  });
});
