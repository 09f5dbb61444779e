/**
 * The daily digest of cases at risk (PGlite, fixed clock): which cases appear, who receives them,
 * and that it goes out at most once a day, on open days, after 7:00 Paris.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { addTeamMember, assignCase, createTeam } from "../cases/index.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { RISK_DIGEST_ACTION, sendRiskDigest } from "./index.ts";

/** Tuesday 10 March 2026, 9:00 Paris (UTC+1). */
const TUESDAY_9H = new Date("2026-03-10T08:00:00Z");

describe("risk digest", () => {
  let database: TestDatabase;
  let org: string;
  let admin: string;
  let member: { id: string; email: string };
  let team: string;
  const clock = fixedClock(TUESDAY_9H);

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());
  beforeEach(async () => {
    await database.truncate();
    clock.set(new Date("2026-03-01T10:00:00Z"));
    org = (await ensureOrganisation(database.db, { slug: "ville", name: "Ville" })).id;
    admin = (await anAgent(database.db, { organisationId: org, roles: ["admin"], email: "admin@ville.fr" }))
      .email;
    member = await anAgent(database.db, {
      organisationId: org,
      roles: ["agent"],
      email: "etat-civil@ville.fr",
    });
    await anAgent(database.db, { organisationId: org, roles: ["agent"], email: "autre@ville.fr" });
    team = (await createTeam(database.db, { organisationId: org, name: "État civil", clock })).id;
    await addTeamMember(database.db, { organisationId: org, teamId: team, agentId: member.id });
    clock.set(TUESDAY_9H);
  });

  /** A case with a running clock due at `dueAt`, in the team or in none. */
  const caseDue = async (subject: string, dueAt: Date, inTeam: boolean) => {
    const opened = await aCase(database.db, {
      organisationId: org,
      subject,
      contact: { name: "Jeanne Martin", email: "jeanne.martin@exemple.fr" },
      clock,
    });
    await database.db.updateTable("cases").set({ due_at: dueAt }).where("id", "=", opened.caseId).execute();
    if (inTeam)
      await assignCase(database.db, {
        organisationId: org,
        caseId: opened.caseId,
        actor: { agentId: member.id },
        teamId: team,
        clock,
      });
    return opened.reference;
  };
  const digests = () =>
    database.db
      .selectFrom("outbox_emails")
      .select(["to_address", "subject", "text_body"])
      .where("organisation_id", "=", org)
      .where("subject", "like", "Demandes à traiter%")
      .orderBy("to_address")
      .execute();
  const run = () =>
    sendRiskDigest(database.db, { organisationId: org, publicUrl: `${TEST_PUBLIC_URL}/`, clock });

  it("sends the late and soon-due cases to the team's members, and the teamless ones to the admins", async () => {
    const late = await caseDue("Acte de naissance", new Date("2026-03-06T16:30:00Z"), true);
    // Wednesday 11 March 15:00 Paris: before the end of the next open day.
    const tomorrow = await caseDue("Carte d'identité", new Date("2026-03-11T14:00:00Z"), true);
    const nextWeek = await caseDue("Passeport", new Date("2026-03-17T14:00:00Z"), true);
    const teamless = await caseDue(
      `Cantine ${"longue demande ".repeat(6)}`,
      new Date("2026-03-09T10:00:00Z"),
      false,
    );

    const report = await run();
    assert.deepEqual(report, { digests: 1, cases: 3, emails: 2 });
    const mails = await digests();
    assert.deepEqual(
      mails.map((mail) => mail.to_address),
      [admin, member.email],
    );
    const [toAdmin, toMember] = mails as [(typeof mails)[0], (typeof mails)[0]];
    assert.equal(toMember.subject, "Demandes à traiter en priorité — mardi 10 mars 2026");
    assert.match(toMember.text_body, /État civil :/);
    assert.ok(toMember.text_body.includes(`- ${late} — Acte de naissance — en retard de 2 jours ouvrés`));
    assert.ok(toMember.text_body.includes(`${TEST_PUBLIC_URL}/admin/demandes/${late}\n`));
    assert.ok(
      toMember.text_body.includes(`- ${tomorrow} — Carte d'identité — échéance mercredi 11 mars à 15:00`),
    );
    assert.ok(toMember.text_body.indexOf(late) < toMember.text_body.indexOf(tomorrow), "earliest first");
    assert.ok(!toMember.text_body.includes(nextWeek), "due next week: not at risk yet");
    assert.ok(!toMember.text_body.includes(teamless));
    assert.match(toAdmin.text_body, /Sans équipe :/);
    assert.ok(toAdmin.text_body.includes(`- ${teamless} — Cantine`));
    assert.match(toAdmin.text_body, /…/, "long subject truncated");
    assert.ok(!toAdmin.text_body.includes(late));
    for (const mail of mails) {
      assert.ok(!mail.text_body.includes("Jeanne Martin"), "no citizen name");
      assert.ok(!mail.text_body.includes("jeanne.martin@exemple.fr"), "no citizen address");
    }
    assert.ok(
      !mails.some((mail) => mail.to_address === "autre@ville.fr"),
      "agents outside the team get nothing",
    );
  });

  it("sends at most once a day and records the sending", async () => {
    await caseDue("Acte de naissance", new Date("2026-03-06T16:30:00Z"), true);
    assert.equal((await run()).digests, 1);
    clock.set(new Date("2026-03-10T15:00:00Z"));
    assert.deepEqual(await run(), { digests: 0, cases: 0, emails: 0 });
    assert.equal((await digests()).length, 1);
    const events = await database.db
      .selectFrom("events")
      .select("data")
      .where("organisation_id", "=", org)
      .where("action", "=", RISK_DIGEST_ACTION)
      .execute();
    assert.deepEqual(
      events.map((event) => event.data),
      [{ day: "2026-03-10", cases: 1, emails: 1 }],
    );
    clock.set(new Date("2026-03-11T08:00:00Z"));
    assert.equal((await run()).digests, 1, "the next open day gets its own digest");
  });

  it("sends nothing on a Saturday nor before 7:00 Paris", async () => {
    await caseDue("Acte de naissance", new Date("2026-03-06T16:30:00Z"), true);
    clock.set(new Date("2026-03-14T09:00:00Z"));
    assert.deepEqual(await run(), { digests: 0, cases: 0, emails: 0 });
    // Monday 16 March 6:30 Paris.
    clock.set(new Date("2026-03-16T05:30:00Z"));
    assert.deepEqual(await run(), { digests: 0, cases: 0, emails: 0 });
    assert.equal((await digests()).length, 0);
    clock.set(new Date("2026-03-16T06:00:00Z"));
    assert.equal((await run()).emails, 1, "from 7:00 on");
  });
});
