import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { changeCaseStatus, replyToCase } from "../cases/index.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { checkFeedbackInvitation } from "./check-invitation.ts";

const LINK = /Je donne mon avis : (https:\/\/mairie-test\.fr\/avis\?invitation=([A-Za-z0-9_-]{43}))/;

describe("a resolved case invites the citizen to give their opinion", () => {
  let database: TestDatabase;
  const clock = fixedClock(new Date("2026-03-10T10:00:00Z"));
  before(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.truncate());
  after(() => database.close());

  it("puts a one-time /avis link in the resolution e-mail, created in the same transaction", async () => {
    const db = database.db;
    const organisationId = (await ensureOrganisation(db, { slug: "demo", name: "Démo" })).id;
    const agent = await anAgent(db, { organisationId, roles: ["agent"] });
    const opened = await aCase(db, { organisationId, clock, topic: { ficheId: "F1341" } });
    await changeCaseStatus(db, {
      organisationId,
      caseId: opened.caseId,
      actor: { agentId: agent.id },
      status: "resolu",
      clock,
      publicUrl: TEST_PUBLIC_URL,
    });
    const mail = await db
      .selectFrom("outbox_emails")
      .select(["text_body", "subject"])
      .where("subject", "like", "%Votre demande est traitée%")
      .executeTakeFirstOrThrow();
    const link = mail.text_body.match(LINK);
    assert.ok(link, mail.text_body);
    const invitation = await checkFeedbackInvitation(db, { organisationId, token: link[2]!, clock });
    assert.deepEqual(
      [invitation.channel, invitation.caseId, invitation.topic],
      ["email", opened.caseId, "F1341"],
    );
    const events = await db
      .selectFrom("events")
      .select("action")
      .where("entity_type", "=", "feedback_invitation")
      .execute();
    assert.equal(events.length, 1);
  });

  it("creates no invitation for a citizen who gave no e-mail address", async () => {
    const db = database.db;
    const organisationId = (await ensureOrganisation(db, { slug: "demo", name: "Démo" })).id;
    const agent = await anAgent(db, { organisationId, roles: ["agent"] });
    const phoneOnly = await aCase(db, { organisationId, clock, contact: { name: "A", phone: "0123456789" } });
    await changeCaseStatus(db, {
      organisationId,
      caseId: phoneOnly.caseId,
      actor: { agentId: agent.id },
      status: "resolu",
      clock,
      publicUrl: TEST_PUBLIC_URL,
    });
    assert.equal((await db.selectFrom("feedback_invitations").selectAll().execute()).length, 0);
  });

  it("puts the link in the agent's reply when the reply resolves the case: one e-mail, not two", async () => {
    const db = database.db;
    const organisationId = (await ensureOrganisation(db, { slug: "demo", name: "Démo" })).id;
    const agent = await anAgent(db, { organisationId, roles: ["agent"] });
    const opened = await aCase(db, { organisationId, clock, topic: { ficheId: "F1899" } });
    const reply = {
      organisationId,
      caseId: opened.caseId,
      actor: { agentId: agent.id },
      publicUrl: TEST_PUBLIC_URL,
      clock,
    };
    await replyToCase(db, { ...reply, body: "Votre enfant est inscrit à la cantine.", status: "resolu" });
    const mails = await db
      .selectFrom("outbox_emails")
      .select(["text_body", "kind"])
      .where("case_id", "=", opened.caseId)
      .where("kind", "!=", "acknowledgement")
      .execute();
    assert.deepEqual(
      mails.map((m) => m.kind),
      ["reply"],
    );
    assert.match(mails[0]!.text_body, /^Votre enfant est inscrit à la cantine\./);
    const link = mails[0]!.text_body.match(LINK);
    assert.ok(link, mails[0]!.text_body);
    const invitation = await checkFeedbackInvitation(db, { organisationId, token: link[2]!, clock });
    assert.deepEqual(
      [invitation.channel, invitation.caseId, invitation.topic],
      ["email", opened.caseId, "F1899"],
    );

    // A further reply on the already resolved case does not resolve it again: no second invitation.
    await replyToCase(db, { ...reply, body: "Précision : le menu est en ligne.", status: "resolu" });
    const last = await db
      .selectFrom("outbox_emails")
      .select("text_body")
      .where("text_body", "like", "Précision%")
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(last.text_body, /Je donne mon avis/);
    assert.equal((await db.selectFrom("feedback_invitations").selectAll().execute()).length, 1);
  });

  it("adds no link to a reply that does not resolve the case", async () => {
    const db = database.db;
    const organisationId = (await ensureOrganisation(db, { slug: "demo", name: "Démo" })).id;
    const agent = await anAgent(db, { organisationId, roles: ["agent"] });
    const opened = await aCase(db, { organisationId, clock });
    await replyToCase(db, {
      organisationId,
      caseId: opened.caseId,
      actor: { agentId: agent.id },
      body: "Pouvez-vous nous envoyer un justificatif ?",
      status: "en_attente_usager",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    const mail = await db
      .selectFrom("outbox_emails")
      .select("text_body")
      .where("kind", "=", "reply")
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(mail.text_body, /Je donne mon avis/);
    assert.equal((await db.selectFrom("feedback_invitations").selectAll().execute()).length, 0);
  });

  it("creates no invitation when a reply resolves the case of a citizen without e-mail", async () => {
    const db = database.db;
    const organisationId = (await ensureOrganisation(db, { slug: "demo", name: "Démo" })).id;
    const agent = await anAgent(db, { organisationId, roles: ["agent"] });
    const phoneOnly = await aCase(db, { organisationId, clock, contact: { name: "A", phone: "0123456789" } });
    const result = await replyToCase(db, {
      organisationId,
      caseId: phoneOnly.caseId,
      actor: { agentId: agent.id },
      body: "Réponse donnée par téléphone.",
      status: "resolu",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    assert.deepEqual([result.case.status, result.emailQueued], ["resolu", false]);
    assert.equal((await db.selectFrom("outbox_emails").selectAll().execute()).length, 0);
    assert.equal((await db.selectFrom("feedback_invitations").selectAll().execute()).length, 0);
  });
});
