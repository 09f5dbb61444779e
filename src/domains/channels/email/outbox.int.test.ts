import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { pino } from "pino";
import { type SmtpSink, startSmtpSink } from "../../../../test/helpers/smtp-sink.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { createSmtpSender } from "../../../adapters/email/smtp-sender.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import type { EmailSender } from "./email-sender.port.ts";
import { recordMessageIdDomain } from "./message-id.ts";
import { enqueueEmail } from "./outbox.ts";
import { createEmailWorker, startEmailWorker } from "./outbox-worker.ts";

const BODY =
  "Bonjour Mme Martin,\n\nVotre demande GU-2026-000123 est bien enregistrée.\n\n<script>alert(1)</script>";

describe("e-mail outbox: persistent, retried, sent once", () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let sender: EmailSender;
  let organisationId: string;
  let logLines: string[];
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));

  const worker = () =>
    createEmailWorker({
      db: database.db,
      sender,
      clock,
      logger: pino({ level: "info" }, { write: (line: string) => logLines.push(line) }),
    });
  const row = (id: string) =>
    database.db.selectFrom("outbox_emails").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const enqueue = (extra: Partial<Parameters<typeof enqueueEmail>[1]> = {}) =>
    enqueueEmail(database.db, {
      organisationId,
      to: "mme.martin@example.org",
      subject: "Votre demande GU-2026-000123",
      text: BODY,
      ...extra,
    });

  before(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    sender = createSmtpSender({ url: sink.url, from: "Ville de Démo <guichet@mairie-demo.fr>" });
  });
  beforeEach(async () => {
    await database.truncate();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
    await recordMessageIdDomain(database.db, "mairie-demo.fr");
    sink.messages.length = 0;
    sink.refuseWith(null);
    clock.set(new Date("2026-03-10T09:00:00Z"));
    logLines = [];
  });
  afterEach(async () => {
    await sink.restart().catch(() => undefined); // a test may have stopped it
  });
  after(async () => {
    sender?.close();
    await sink?.stop();
    await database?.close();
  });

  it("sends a queued e-mail with threading headers, an escaped HTML part and the auto-reply mark", async () => {
    const { id, messageId } = await enqueue({
      kind: "acknowledgement",
      inReplyTo: "<CAF1@mail.example.org>",
      references: ["<CAF0@mail.example.org>", "CAF1@mail.example.org"],
    });
    assert.match(messageId, /^<[0-9a-f-]{36}@mairie-demo\.fr>$/);

    assert.deepEqual(await worker().runOnce(), { sent: 1, retried: 0, failed: 0 });

    const [received] = await sink.waitFor(1);
    assert.ok(received);
    assert.deepEqual(received.envelope.to, ["mme.martin@example.org"]);
    assert.equal(received.parsed.messageId, messageId);
    assert.equal(received.parsed.inReplyTo, "<CAF1@mail.example.org>");
    assert.deepEqual(received.parsed.references, ["<CAF0@mail.example.org>", "<CAF1@mail.example.org>"]);
    assert.equal(received.parsed.headers.get("auto-submitted"), "auto-replied");
    assert.equal(received.parsed.subject, "Votre demande GU-2026-000123");
    assert.equal(received.parsed.text?.trim(), BODY);
    assert.ok(received.parsed.html, "an HTML alternative is sent");
    assert.doesNotMatch(received.parsed.html, /<script>/);
    assert.match(received.parsed.html, /&lt;script>alert\(1\)&lt;\/script>/);

    const sent = await row(id);
    assert.equal(sent.status, "sent");
    assert.equal(sent.attempts, 1);
    assert.deepEqual(sent.sent_at, clock.now());
    const events = await database.db
      .selectFrom("events")
      .select("action")
      .where("entity_id", "=", id)
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["email.sent"],
    );
    assert.equal(
      await worker()
        .runOnce()
        .then((r) => r.sent),
      0,
      "nothing sent twice",
    );
  });

  it("does not mark replies and notifications as automatic", async () => {
    await enqueue({ kind: "reply" });
    await worker().runOnce();
    const [received] = await sink.waitFor(1);
    assert.equal(received?.parsed.headers.get("auto-submitted"), undefined);
  });

  it("sends nothing for a transaction that rolled back", async () => {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, { organisationId, to: "a@example.org", subject: "s", text: "t" });
        throw new Error("rollback");
      }),
    );
    assert.deepEqual(await worker().runOnce(), { sent: 0, retried: 0, failed: 0 });
  });

  it("keeps the e-mail while SMTP is down and delivers it exactly once when it comes back", async () => {
    const { id, messageId } = await enqueue();
    await sink.stop();

    assert.deepEqual(await worker().runOnce(), { sent: 0, retried: 1, failed: 0 });
    const waiting = await row(id);
    assert.equal(waiting.status, "pending");
    assert.equal(waiting.attempts, 1);
    assert.deepEqual(waiting.next_attempt_at, new Date(clock.now().getTime() + 60_000));
    assert.match(waiting.last_error ?? "", /ECONNECTION|ECONNREFUSED/);

    await sink.restart();
    assert.deepEqual(await worker().runOnce(), { sent: 0, retried: 0, failed: 0 }, "not due yet");
    clock.advance(61_000);
    assert.deepEqual(await worker().runOnce(), { sent: 1, retried: 0, failed: 0 });
    await worker().runOnce();
    assert.equal(sink.messages.length, 1);
    assert.equal(sink.messages[0]?.parsed.messageId, messageId);
    const sent = await row(id);
    assert.equal(sent.status, "sent");
    assert.equal(sent.attempts, 2);
    assert.equal(sent.last_error, null);
  });

  it("fails at once on a permanent refusal (5xx), keeps the reason and logs no content", async () => {
    const { id } = await enqueue();
    sink.refuseWith({ code: 550, message: "Mailbox unavailable" });

    assert.deepEqual(await worker().runOnce(), { sent: 0, retried: 0, failed: 1 });
    const failed = await row(id);
    assert.equal(failed.status, "failed");
    assert.equal(failed.attempts, 1);
    assert.match(failed.last_error ?? "", /550.*Mailbox unavailable/);
    const events = await database.db.selectFrom("events").selectAll().where("entity_id", "=", id).execute();
    assert.equal(events[0]?.action, "email.failed");
    assert.equal(events[0]?.data.code, 550);

    const logs = logLines.join("\n");
    assert.match(logs, new RegExp(id));
    for (const secret of ["Mme Martin", "mme.martin@example.org", "GU-2026-000123"]) {
      assert.ok(!logs.includes(secret), `log must not contain ${secret}`);
    }
  });

  it("retries a temporary refusal (4xx) on the schedule, then gives up after the last attempt", async () => {
    const { id } = await enqueue();
    sink.refuseWith({ code: 451, message: "Try again later" });
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) {
      const report = await worker().runOnce();
      outcomes.push(report.retried ? "retried" : report.failed ? "failed" : "none");
      const current = await row(id);
      if (current.next_attempt_at) clock.set(current.next_attempt_at);
    }
    assert.deepEqual(outcomes, ["retried", "retried", "retried", "retried", "retried", "retried", "failed"]);
    const failed = await row(id);
    assert.equal(failed.attempts, 7);
    assert.match(failed.last_error ?? "", /451/);
  });

  it("takes over an e-mail left 'sending' by a process that died, once its lease is over", async () => {
    const { id } = await enqueue();
    await database.db
      .updateTable("outbox_emails")
      .set({ status: "sending", attempts: 1, next_attempt_at: new Date(clock.now().getTime() + 600_000) })
      .where("id", "=", id)
      .execute();
    assert.equal((await worker().runOnce()).sent, 0, "lease still held");
    clock.advance(600_001);
    assert.equal((await worker().runOnce()).sent, 1);
    assert.equal((await row(id)).attempts, 2);
  });

  it("sends each e-mail once when several workers run at the same time", async () => {
    for (let i = 0; i < 6; i++) await enqueue({ subject: `Message ${i}` });
    const reports = await Promise.all([worker().runOnce(), worker().runOnce(), worker().runOnce()]);
    assert.equal(
      reports.reduce((sum, r) => sum + r.sent, 0),
      6,
    );
    await sink.waitFor(6);
    const subjects = sink.messages.map((m) => m.parsed.subject).sort();
    assert.deepEqual(subjects, [
      "Message 0",
      "Message 1",
      "Message 2",
      "Message 3",
      "Message 4",
      "Message 5",
    ]);
  });

  it("started worker: sends at once when woken by the enqueue NOTIFY (LISTEN on both engines), and stops cleanly", async () => {
    const running = startEmailWorker({
      db: database.db,
      sender,
      clock,
      logger: pino({ level: "silent" }),
      pollIntervalMs: 3_600_000, // only the first tick and the NOTIFY can send
      listen: (channel, onNotify) => database.listen(channel, () => onNotify()),
    });
    try {
      await running.ready;
      await enqueue({ subject: "Réveil" });
      const [received] = await sink.waitFor(1);
      assert.equal(received?.parsed.subject, "Réveil");
    } finally {
      await running.stop();
    }
  });
});
