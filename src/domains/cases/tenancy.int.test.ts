/**
 * Tenancy attack suite: an agent of organisation B tries every door to organisation A's cases.
 * Each attempt must look exactly like "does not exist" (NOT_FOUND / null / empty), never "forbidden".
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { refusalOf } from "../../../test/helpers/refusal.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import type { AppError } from "../../shared/app-error.ts";
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
  getCaseAttachmentForAgent,
  getCaseAttachmentForCitizen,
  getCaseForAgent,
  listInbox,
  mergeCases,
  replyToCase,
} from "./index.ts";

async function refusedWith(promise: Promise<unknown>, code: AppError["code"]): Promise<void> {
  const error = await refusalOf(promise);
  assert.equal(error.code, code, error.message);
}

describe("tenancy attack suite: organisation B against organisation A's cases", () => {
  let database: TestDatabase;
  let orgA: string;
  let orgB: string;
  let agentA: string;
  let agentB: string;
  let victim: Awaited<ReturnType<typeof aCase>>;
  let attachmentId: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    orgA = (await ensureOrganisation(database.db, { slug: "a", name: "Ville A" })).id;
    orgB = (await ensureOrganisation(database.db, { slug: "b", name: "Ville B" })).id;
    // B numbers its own cases differently, so that "B finds GU-2026-000001" can only mean A's case
    await database.db
      .updateTable("organisations")
      .set({ settings: JSON.stringify({ casePrefix: "VB" }) })
      .where("id", "=", orgB)
      .execute();
    agentA = (await anAgent(database.db, { organisationId: orgA, roles: ["admin"] })).id;
    agentB = (await anAgent(database.db, { organisationId: orgB, roles: ["admin"] })).id;
    victim = await aCase(database.db, {
      organisationId: orgA,
      subject: "Permis de construire Zéphyrine",
      contact: { email: "victime@exemple.fr" },
      attachments: [{ filename: "plan.pdf", content: Buffer.from("%PDF-1.4\n", "latin1") }],
      emailMessageId: "<secret-thread@mail.exemple.fr>",
      clock,
    });
    attachmentId = (await database.db.selectFrom("case_attachments").select("id").executeTakeFirstOrThrow())
      .id;
    await aCase(database.db, { organisationId: orgB, clock });
  });
  after(() => database.close());

  const asB = { organisationId: () => orgB, actor: () => ({ agentId: agentB }) };

  it("by id: read, reply, note, status, assign are all NOT_FOUND", async () => {
    const base = { organisationId: asB.organisationId(), caseId: victim.caseId, actor: asB.actor(), clock };
    await refusedWith(getCaseForAgent(database.db, base), "NOT_FOUND");
    await refusedWith(
      replyToCase(database.db, { ...base, body: "x", publicUrl: TEST_PUBLIC_URL }),
      "NOT_FOUND",
    );
    await refusedWith(addInternalNote(database.db, { ...base, body: "x" }), "NOT_FOUND");
    await refusedWith(changeCaseStatus(database.db, { ...base, status: "clos" }), "NOT_FOUND");
    await refusedWith(assignCase(database.db, { ...base, assigneeId: agentB }), "NOT_FOUND");
    await refusedWith(
      addCitizenMessage(database.db, { organisationId: orgB, caseId: victim.caseId, body: "x", clock }),
      "NOT_FOUND",
    );
  });

  it("with B's organisation id but A's agent (a mis-wired session): FORBIDDEN before any lookup", async () => {
    await refusedWith(
      getCaseForAgent(database.db, {
        organisationId: orgB,
        caseId: victim.caseId,
        actor: { agentId: agentA },
        clock,
      }),
      "FORBIDDEN",
    );
  });

  it("by reference, tracking token and e-mail thread, scoped to B: nothing", async () => {
    assert.equal(
      await findCaseByReferenceAndEmail(database.db, {
        organisationId: orgB,
        reference: victim.reference,
        email: "victime@exemple.fr",
      }),
      null,
    );
    assert.equal(
      await findCaseByTrackingToken(database.db, { organisationId: orgB, token: victim.trackingToken }),
      null,
    );
    assert.equal(
      await findCaseForEmailReply(database.db, {
        organisationId: orgB,
        inReplyTo: ["<secret-thread@mail.exemple.fr>"],
        subject: `Re: ${victim.reference}`,
      }),
      null,
    );
  });

  it("by inbox search text: B's inbox never lists A's case", async () => {
    for (const q of ["Zéphyrine", victim.reference, "victime@exemple.fr", "permis"]) {
      const page = await listInbox(database.db, { organisationId: orgB, agentId: agentB, filters: { q } });
      assert.deepEqual(page.items, [], q);
    }
    const own = await listInbox(database.db, {
      organisationId: orgA,
      agentId: agentA,
      filters: { q: "zephyrine" },
    });
    assert.deepEqual(
      own.items.map((i) => i.id),
      [victim.caseId],
      "the same search finds it in A",
    );
  });

  it("by merge and assignment across organisations: NOT_FOUND, nothing changed", async () => {
    const caseB = (
      await database.db
        .selectFrom("cases")
        .select("id")
        .where("organisation_id", "=", orgB)
        .executeTakeFirstOrThrow()
    ).id;
    await refusedWith(
      mergeCases(database.db, {
        organisationId: orgB,
        duplicateId: caseB,
        targetId: victim.caseId,
        actor: { agentId: agentB },
        clock,
      }),
      "NOT_FOUND",
    );
    await refusedWith(
      mergeCases(database.db, {
        organisationId: orgB,
        duplicateId: victim.caseId,
        targetId: caseB,
        actor: { agentId: agentB },
        clock,
      }),
      "NOT_FOUND",
    );
    // A's agent cannot hand its case to B's team or agent either
    const teamB = await createTeam(database.db, { organisationId: orgB, name: "Urbanisme", clock });
    await refusedWith(
      assignCase(database.db, {
        organisationId: orgA,
        caseId: victim.caseId,
        actor: { agentId: agentA },
        teamId: teamB.id,
        clock,
      }),
      "BAD_REQUEST",
    );
    await refusedWith(
      assignCase(database.db, {
        organisationId: orgA,
        caseId: victim.caseId,
        actor: { agentId: agentA },
        assigneeId: agentB,
        clock,
      }),
      "BAD_REQUEST",
    );
    // and the database itself refuses the cross-organisation link, should a bug skip the check
    await assert.rejects(
      database.db.updateTable("cases").set({ team_id: teamB.id }).where("id", "=", victim.caseId).execute(),
    );
    const row = await database.db
      .selectFrom("cases")
      .selectAll()
      .where("id", "=", victim.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.status, row.team_id, row.assignee_id, row.merged_into_id],
      ["nouveau", null, null, null],
    );
  });

  it("by attachment id: NOT_FOUND for B's agent and for a token of another case", async () => {
    await refusedWith(
      getCaseAttachmentForAgent(database.db, {
        organisationId: orgB,
        attachmentId,
        actor: { agentId: agentB },
        clock,
      }),
      "NOT_FOUND",
    );
    const other = await aCase(database.db, { organisationId: orgA, clock });
    await refusedWith(
      getCaseAttachmentForCitizen(database.db, {
        organisationId: orgA,
        token: other.trackingToken,
        attachmentId,
      }),
      "NOT_FOUND",
    );
    await refusedWith(
      getCaseAttachmentForCitizen(database.db, {
        organisationId: orgB,
        token: victim.trackingToken,
        attachmentId,
      }),
      "NOT_FOUND",
    );
    const own = await getCaseAttachmentForCitizen(database.db, {
      organisationId: orgA,
      token: victim.trackingToken,
      attachmentId,
    });
    assert.equal(own.contentType, "application/pdf");
    assert.equal(
      (
        await getCaseAttachmentForAgent(database.db, {
          organisationId: orgA,
          attachmentId,
          actor: { agentId: agentA },
          clock,
        })
      ).filename,
      "plan.pdf",
    );
  });

  it("by malformed ids: NOT_FOUND, not a database error", async () => {
    await refusedWith(
      getCaseForAgent(database.db, {
        organisationId: orgA,
        caseId: "1 OR 1=1",
        actor: { agentId: agentA },
        clock,
      }),
      "NOT_FOUND",
    );
    await refusedWith(
      getCaseAttachmentForAgent(database.db, {
        organisationId: orgA,
        attachmentId: "../x",
        actor: { agentId: agentA },
        clock,
      }),
      "NOT_FOUND",
    );
  });

  it("leaves no trace of B's attempts in A's audit log and nothing changed in A", async () => {
    await getCaseForAgent(database.db, {
      organisationId: orgB,
      caseId: victim.caseId,
      actor: { agentId: agentB },
      clock,
    }).catch(() => null);
    const audit = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("organisation_id", "=", orgA)
      .execute();
    assert.deepEqual(audit, []);
    const messages = await database.db
      .selectFrom("case_messages")
      .selectAll()
      .where("case_id", "=", victim.caseId)
      .execute();
    assert.equal(messages.length, 1);
  });
});
