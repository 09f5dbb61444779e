/**
 * An agent's public reply with documents: stored once on the case, referenced (not copied) by the
 * outgoing e-mail, sent by the worker with their bytes, shown to the citizen; refusals write nothing.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { pino } from "pino";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { EXE_BYTES, PDF_BYTES } from "../../../test/helpers/multipart-body.ts";
import { refusalOf } from "../../../test/helpers/refusal.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { createEmailWorker, type EmailToSend } from "../channels/email/index.ts";
import { ensureOrganisation } from "../identity/index.ts";
import {
  findCaseByTrackingToken,
  getCaseAttachmentForCitizen,
  MAX_ATTACHMENTS_PER_MESSAGE,
  replyToCase,
} from "./index.ts";

const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 7),
]);

describe("agent reply with attachments", () => {
  let database: TestDatabase;
  let org: string;
  let agentId: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  let sent: EmailToSend[] = [];
  const worker = () =>
    createEmailWorker({
      db: database.db,
      clock,
      logger: pino({ level: "silent" }),
      sender: {
        send: async (email) => {
          sent.push(email);
          return { ok: true };
        },
        close: () => undefined,
      },
    });
  const reply = (caseId: string, attachments: { filename: string; content: Buffer }[]) =>
    replyToCase(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      body: "Voici le formulaire à remplir.",
      attachments,
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
  const replies = () =>
    database.db.selectFrom("outbox_emails").selectAll().where("kind", "=", "reply").execute();

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    sent = [];
    org = (await ensureOrganisation(database.db, { slug: "a", name: "Ville A" })).id;
    agentId = (await anAgent(database.db, { organisationId: org, roles: ["agent"] })).id;
  });
  after(() => database.close());

  it("stores the files on the reply, queues the e-mail with their ids, and the worker sends their bytes", async () => {
    const { caseId, trackingToken } = await aCase(database.db, { organisationId: org, clock });
    const result = await reply(caseId, [
      { filename: "formulaire.pdf", content: PDF_BYTES },
      { filename: "../../plan.png", content: PNG_BYTES },
    ]);
    assert.equal(result.emailQueued, true);
    assert.deepEqual(
      result.message.attachments.map((a) => [a.filename, a.contentType, a.sizeBytes]),
      [
        ["formulaire.pdf", "application/pdf", PDF_BYTES.length],
        ["plan.png", "image/png", PNG_BYTES.length],
      ],
    );
    const [queued] = await replies();
    assert.ok(queued);
    assert.deepEqual(
      queued.attachment_ids,
      result.message.attachments.map((a) => a.id),
      "the outbox references the stored attachments",
    );
    assert.equal(queued.message_id, result.message.emailMessageId, "the thread message carries the mail id");
    assert.equal(
      (await database.db.selectFrom("case_attachments").select("id").execute()).length,
      2,
      "stored once",
    );

    await worker().runOnce();
    const mail = sent.find((m) => m.messageId === queued.message_id);
    assert.ok(mail, "the reply was sent");
    assert.deepEqual(
      mail.attachments?.map((a) => [a.filename, a.contentType]),
      [
        ["formulaire.pdf", "application/pdf"],
        ["plan.png", "image/png"],
      ],
    );
    assert.ok(mail.attachments?.[0]?.content.equals(PDF_BYTES), "the PDF's bytes");
    assert.ok(mail.attachments?.[1]?.content.equals(PNG_BYTES), "the PNG's bytes");

    // The citizen's tracking view lists the agent's documents and lets them be downloaded.
    const view = await findCaseByTrackingToken(database.db, { organisationId: org, token: trackingToken });
    const agentMessage = view?.messages.find((m) => m.author === "agent");
    assert.deepEqual(
      agentMessage?.attachments.map((a) => a.filename),
      ["formulaire.pdf", "plan.png"],
    );
    const download = await getCaseAttachmentForCitizen(database.db, {
      organisationId: org,
      token: trackingToken,
      attachmentId: agentMessage?.attachments[0]?.id ?? "",
    });
    assert.ok(download.content.equals(PDF_BYTES));
  });

  it("sends without an attachment erased after the mail was queued", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, clock });
    const result = await reply(caseId, [
      { filename: "a.pdf", content: PDF_BYTES },
      { filename: "b.png", content: PNG_BYTES },
    ]);
    await database.db
      .deleteFrom("case_attachments")
      .where("id", "=", result.message.attachments[0]?.id ?? "")
      .execute();
    await worker().runOnce();
    const mail = sent.find((m) => m.messageId === result.message.emailMessageId);
    assert.deepEqual(
      mail?.attachments?.map((a) => a.filename),
      ["b.png"],
    );
  });

  it("keeps the files of a reply to a case without e-mail address, and queues nothing", async () => {
    const { caseId } = await aCase(database.db, {
      organisationId: org,
      clock,
      contact: { name: "Paul", phone: "01 23 45 67 89" },
    });
    const result = await reply(caseId, [{ filename: "note.txt", content: Buffer.from("Horaires : 9h-12h") }]);
    assert.equal(result.emailQueued, false);
    assert.equal(result.message.attachments[0]?.contentType, "text/plain");
    assert.equal((await replies()).length, 0);
  });

  it("refuses a program named .pdf, in French, and writes nothing", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, clock });
    const error = await refusalOf(reply(caseId, [{ filename: "facture.pdf", content: EXE_BYTES }]));
    assert.equal(error.code, "BAD_REQUEST");
    assert.equal(error.details?.field, "attachments");
    assert.equal(
      error.userMessage,
      "Le fichier « facture.pdf » n'est pas accepté : seuls les documents PDF, les images PNG ou JPEG et les fichiers texte le sont.",
    );
    const agentMessages = await database.db
      .selectFrom("case_messages")
      .select("id")
      .where("author_type", "=", "agent")
      .execute();
    assert.equal(agentMessages.length, 0);
    assert.equal((await replies()).length, 0);
  });

  it("refuses more files than a citizen may send", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, clock });
    const files = Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE + 1 }, (_, i) => ({
      filename: `piece-${i}.pdf`,
      content: PDF_BYTES,
    }));
    const error = await refusalOf(reply(caseId, files));
    assert.equal(error.code, "BAD_REQUEST");
    assert.equal(error.userMessage, "Vous pouvez joindre au plus 5 fichiers par message.");
    assert.equal((await database.db.selectFrom("case_attachments").select("id").execute()).length, 0);
  });
});
