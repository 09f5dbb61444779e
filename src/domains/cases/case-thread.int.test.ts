import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { refusalOf } from "../../../test/helpers/refusal.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { ensureOrganisation } from "../identity/index.ts";
import {
  addCitizenMessage,
  addInternalNote,
  assignCase,
  changeCaseStatus,
  createTeam,
  findCaseByReferenceAndEmail,
  findCaseByTrackingToken,
  findCaseForEmailReply,
  getCaseForAgent,
  mergeCases,
  replyToCase,
} from "./index.ts";

describe("case thread: replies, notes, statuses, merges, lookups", () => {
  let database: TestDatabase;
  let org: string;
  let agentId: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  const minutes = (n: number) => clock.advance(n * 60_000);

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    clock.set(new Date("2026-03-10T09:00:00Z"));
    org = (await ensureOrganisation(database.db, { slug: "a", name: "Ville A" })).id;
    agentId = (await anAgent(database.db, { organisationId: org, roles: ["agent"] })).id;
  });
  after(() => database.close());

  const statusOf = async (caseId: string) =>
    (await database.db.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow())
      .status;

  it("runs a whole conversation: reply, waiting, citizen reopens, resolved, closed", async () => {
    const { caseId, trackingToken } = await aCase(database.db, { organisationId: org, clock });
    minutes(10);
    const first = await replyToCase(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      body: "Pouvez-vous nous envoyer un justificatif de domicile ?",
      status: "en_attente_usager",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    assert.equal(first.case.status, "en_attente_usager");
    assert.equal(first.case.firstAgentReplyAt?.toISOString(), "2026-03-10T09:10:00.000Z");
    assert.equal(first.case.waitingSince?.toISOString(), "2026-03-10T09:10:00.000Z");
    assert.equal(first.emailQueued, true);

    minutes(60);
    const back = await addCitizenMessage(database.db, {
      organisationId: org,
      caseId,
      body: "Voici le justificatif.",
      attachments: [{ filename: "edf.pdf", content: Buffer.from("%PDF-1.4\n", "latin1") }],
      clock,
    });
    assert.deepEqual([back.status, back.reopened], ["en_cours", true]);

    minutes(5);
    await replyToCase(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      body: "Merci, votre inscription est faite.",
      status: "resolu",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    await addInternalNote(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      body: "Dossier complet.",
      clock,
    });
    const closed = await changeCaseStatus(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      status: "clos",
      clock,
    });
    assert.equal(closed.case.firstAgentReplyAt?.toISOString(), "2026-03-10T09:10:00.000Z", "set once");
    assert.equal(closed.case.resolvedAt?.toISOString(), "2026-03-10T10:15:00.000Z");
    assert.equal(closed.case.closedAt?.toISOString(), "2026-03-10T10:15:00.000Z");

    const view = await getCaseForAgent(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      clock,
    });
    assert.deepEqual(
      view.messages.map((m) => [m.author, m.visibility, m.attachments.length]),
      [
        ["citizen", "public", 0],
        ["agent", "public", 0],
        ["citizen", "public", 1],
        ["agent", "public", 0],
        ["agent", "internal", 0],
      ],
    );
    assert.deepEqual(
      view.history.filter((h) => h.action === "status_changed").map((h) => [h.data.from, h.data.to]),
      [
        ["nouveau", "en_attente_usager"],
        ["en_attente_usager", "en_cours"],
        ["en_cours", "resolu"],
        ["resolu", "clos"],
      ],
    );
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "agent_id"])
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["case.replied", "case.replied", "case.note_added", "case.status_changed", "case.viewed"],
    );

    const publicView = await findCaseByTrackingToken(database.db, {
      organisationId: org,
      token: trackingToken,
    });
    assert.equal(publicView?.messages.length, 4, "the internal note is not shown to the citizen");
    assert.equal(publicView?.canReply, false);
    const refused = await refusalOf(
      addCitizenMessage(database.db, { organisationId: org, caseId, body: "Encore moi", clock }),
    );
    assert.equal(refused.code, "CONFLICT");
    assert.equal(
      refused.userMessage,
      "Cette demande est close : elle ne peut plus être modifiée. Une nouvelle demande peut être déposée.",
    );
    const replyRefused = await refusalOf(
      replyToCase(database.db, {
        organisationId: org,
        caseId,
        actor: { agentId },
        body: "x",
        publicUrl: TEST_PUBLIC_URL,
        clock,
      }),
    );
    assert.equal(replyRefused.code, "CONFLICT");
  });

  it("threads the reply e-mail under the citizen's e-mail and finds the case from the next one", async () => {
    const { caseId, reference } = await aCase(database.db, {
      organisationId: org,
      channel: "email",
      emailMessageId: "<first@mail.exemple.fr>",
      contact: { email: "jean@exemple.fr" },
      clock,
    });
    minutes(1);
    await replyToCase(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      body: "Réponse",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    const mails = await database.db
      .selectFrom("outbox_emails")
      .selectAll()
      .orderBy("created_at")
      .orderBy("kind")
      .execute();
    const reply = mails.find((m) => m.kind === "reply");
    const ack = mails.find((m) => m.kind === "acknowledgement");
    assert.equal(reply?.in_reply_to, "<first@mail.exemple.fr>");
    assert.deepEqual(reply?.reference_ids, ["<first@mail.exemple.fr>", ack?.message_id]);
    assert.equal(reply?.to_address, "jean@exemple.fr");
    assert.ok(reply?.subject.startsWith(`[${reference}] Re: `));

    for (const inReplyTo of [
      [reply!.message_id],
      [ack!.message_id.slice(1, -1)],
      ["<unknown@x.fr>", "first@mail.exemple.fr"],
    ])
      assert.equal(
        (await findCaseForEmailReply(database.db, { organisationId: org, inReplyTo, subject: "Re:" }))
          ?.caseId,
        caseId,
      );
    assert.equal(
      (
        await findCaseForEmailReply(database.db, {
          organisationId: org,
          inReplyTo: [],
          subject: `Re: [${reference.toLowerCase()}] merci`,
        })
      )?.caseId,
      caseId,
    );
    assert.equal(
      await findCaseForEmailReply(database.db, {
        organisationId: org,
        inReplyTo: [],
        subject: `Re: ${reference}`,
        from: "intrus@exemple.fr",
      }),
      null,
      "a guessed reference from another address does not join the case",
    );
    assert.equal(
      await findCaseForEmailReply(database.db, {
        organisationId: org,
        inReplyTo: ["<x@y>"],
        subject: "GU-2026-999999",
      }),
      null,
    );

    // a second delivery of the same reply adds nothing
    const once = await addCitizenMessage(database.db, {
      organisationId: org,
      caseId,
      body: "Merci",
      emailMessageId: "<r2@mail.exemple.fr>",
      clock,
    });
    const twice = await addCitizenMessage(database.db, {
      organisationId: org,
      caseId,
      body: "Merci",
      emailMessageId: "r2@mail.exemple.fr",
      clock,
    });
    assert.ok(once.messageId);
    assert.equal(twice.messageId, null);
  });

  it("finds a case by reference and e-mail, with one answer for every mismatch", async () => {
    const { caseId, reference } = await aCase(database.db, {
      organisationId: org,
      contact: { email: "Claire@Exemple.fr" },
      clock,
    });
    assert.equal(
      (
        await findCaseByReferenceAndEmail(database.db, {
          organisationId: org,
          reference: reference.toLowerCase(),
          email: " CLAIRE@exemple.FR ",
        })
      )?.caseId,
      caseId,
    );
    assert.equal(
      await findCaseByReferenceAndEmail(database.db, {
        organisationId: org,
        reference,
        email: "autre@exemple.fr",
      }),
      null,
    );
    assert.equal(
      await findCaseByReferenceAndEmail(database.db, {
        organisationId: org,
        reference: "GU-2026-000999",
        email: "claire@exemple.fr",
      }),
      null,
    );
    assert.equal(
      await findCaseByReferenceAndEmail(database.db, { organisationId: org, reference, email: "" }),
      null,
    );
  });

  it("assigns to a team and an agent, and no-ops a repeated assignment", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, clock });
    const team = await createTeam(database.db, { organisationId: org, name: "État civil", clock });
    const first = await assignCase(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      teamId: team.id,
      assigneeId: agentId,
      clock,
    });
    assert.deepEqual([first.changed, first.case.teamId, first.case.assigneeId], [true, team.id, agentId]);
    const again = await assignCase(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      teamId: team.id,
      clock,
    });
    assert.equal(again.changed, false);
    const cleared = await assignCase(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      assigneeId: null,
      clock,
    });
    assert.deepEqual([cleared.case.teamId, cleared.case.assigneeId], [team.id, null]);
    const events = await database.db
      .selectFrom("events")
      .select("action")
      .where("entity_id", "=", caseId)
      .where("action", "=", "assigned")
      .execute();
    assert.equal(events.length, 2);
  });

  it("merges a duplicate: thread moved, duplicate closed, its token and e-mails lead to the target", async () => {
    const target = await aCase(database.db, {
      organisationId: org,
      contact: { email: "paul@exemple.fr" },
      clock,
    });
    minutes(1);
    const duplicate = await aCase(database.db, {
      organisationId: org,
      contact: { email: "paul@exemple.fr" },
      body: "Je relance ma demande sur le stationnement résidentiel.",
      clock,
    });
    minutes(1);
    const { duplicate: closed, target: merged } = await mergeCases(database.db, {
      organisationId: org,
      duplicateId: duplicate.caseId,
      targetId: target.caseId,
      actor: { agentId },
      clock,
    });
    assert.deepEqual([closed.status, closed.mergedIntoId], ["clos", target.caseId]);
    assert.equal(merged.status, "nouveau");
    const view = await getCaseForAgent(database.db, {
      organisationId: org,
      caseId: target.caseId,
      actor: { agentId },
      clock,
    });
    assert.deepEqual(
      view.messages.map((m) => [m.author, m.visibility]),
      [
        ["citizen", "public"],
        ["citizen", "public"],
        ["system", "internal"],
      ],
    );
    const viaOldToken = await findCaseByTrackingToken(database.db, {
      organisationId: org,
      token: duplicate.trackingToken,
    });
    assert.deepEqual(
      [viaOldToken?.caseId, viaOldToken?.mergedFromReference],
      [target.caseId, duplicate.reference],
    );
    const viaSubject = await findCaseForEmailReply(database.db, {
      organisationId: org,
      inReplyTo: [],
      subject: `Re: ${duplicate.reference}`,
    });
    assert.equal(viaSubject?.caseId, target.caseId);
    const write = await addCitizenMessage(database.db, {
      organisationId: org,
      caseId: duplicate.caseId,
      body: "Merci",
      clock,
    });
    assert.equal(write.caseId, target.caseId);

    const again = await refusalOf(
      mergeCases(database.db, {
        organisationId: org,
        duplicateId: duplicate.caseId,
        targetId: target.caseId,
        actor: { agentId },
        clock,
      }),
    );
    assert.equal(again.userMessage, "Cette demande a déjà été fusionnée avec une autre demande.");
    const intoMerged = await refusalOf(
      mergeCases(database.db, {
        organisationId: org,
        duplicateId: target.caseId,
        targetId: duplicate.caseId,
        actor: { agentId },
        clock,
      }),
    );
    assert.equal(intoMerged.code, "CONFLICT");
    const self = await refusalOf(
      mergeCases(database.db, {
        organisationId: org,
        duplicateId: target.caseId,
        targetId: target.caseId,
        actor: { agentId },
        clock,
      }),
    );
    assert.equal(self.userMessage, "Une demande ne peut pas être fusionnée avec elle-même.");
    // search finds the duplicate's words on the target
    assert.equal(await statusOf(target.caseId), "nouveau");
  });

  it("ignores a repeated status change and refuses an impossible one", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, clock });
    const same = await changeCaseStatus(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      status: "nouveau",
      clock,
    });
    assert.equal(same.changed, false);
    await changeCaseStatus(database.db, {
      organisationId: org,
      caseId,
      actor: { agentId },
      status: "resolu",
      clock,
    });
    const back = await refusalOf(
      changeCaseStatus(database.db, {
        organisationId: org,
        caseId,
        actor: { agentId },
        status: "en_attente_usager",
        clock,
      }),
    );
    assert.equal(
      back.userMessage,
      "Ce changement de statut n'est pas possible depuis le statut actuel de la demande.",
    );
    assert.equal(await statusOf(caseId), "resolu");
  });

  it("keeps the audit log append-only", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, clock });
    await getCaseForAgent(database.db, { organisationId: org, caseId, actor: { agentId }, clock });
    await assert.rejects(
      database.db.updateTable("audit_log").set({ action: "rien" }).execute(),
      /append-only/,
    );
    await assert.rejects(database.db.deleteFrom("audit_log").execute(), /append-only/);
    assert.equal((await database.db.selectFrom("audit_log").selectAll().execute())[0]?.action, "case.viewed");
  });
});
