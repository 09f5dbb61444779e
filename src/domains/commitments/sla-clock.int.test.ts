/**
 * The SLA clock on real cases (PGlite), with a fixed clock: due dates across the Easter long weekend
 * with a citizen pause, first-reply met and missed, the "en retard" filter, reopening and merging.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import {
  addCitizenMessage,
  changeCaseStatus,
  getCaseForAgent,
  listInbox,
  mergeCases,
  replyToCase,
} from "../cases/index.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { createCommitment, type ServiceCommitment, setCommitmentActive } from "./index.ts";

const HOUR = 3_600_000;
/** Thursday 2 April 2026, 17:00 Paris (UTC+2); Monday 6 April is Easter Monday. */
const THURSDAY_17H = new Date("2026-04-02T15:00:00Z");

describe("SLA clock on cases", () => {
  let database: TestDatabase;
  let org: string;
  let agent: string;
  let everyChannel: ServiceCommitment;
  let email: ServiceCommitment;
  const clock = fixedClock(THURSDAY_17H);

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());
  beforeEach(async () => {
    await database.truncate();
    clock.set(new Date("2026-03-01T10:00:00Z"));
    org = (await ensureOrganisation(database.db, { slug: "ville", name: "Ville" })).id;
    agent = (await anAgent(database.db, { organisationId: org, roles: ["agent"] })).id;
    everyChannel = await createCommitment(database.db, {
      organisationId: org,
      form: {
        label: "Première réponse sous 48 h ouvrées",
        measure: "first_reply",
        channel: "",
        delayUnit: "business_hours",
        delayAmount: "48",
        targetPercent: "85",
      },
      actorId: null,
      clock,
    });
    email = await createCommitment(database.db, {
      organisationId: org,
      form: {
        label: "Réponse aux courriels sous 5 jours ouvrés",
        measure: "resolution",
        channel: "email",
        delayUnit: "business_days",
        delayAmount: "5",
        targetPercent: "90",
      },
      actorId: null,
      clock,
    });
    clock.set(THURSDAY_17H);
  });

  const row = (caseId: string) =>
    database.db
      .selectFrom("cases")
      .select(["commitment_id", "due_at", "sla_met"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
  const actor = () => ({ agentId: agent });
  const setStatus = (caseId: string, status: "en_attente_usager" | "resolu" | "en_cours") =>
    changeCaseStatus(database.db, { organisationId: org, caseId, actor: actor(), status, clock });
  const citizenReplies = (caseId: string) =>
    addCitizenMessage(database.db, { organisationId: org, caseId, body: "Voici la pièce demandée.", clock });

  it("picks the channel's commitment first and moves its deadline by the citizen's pause, across Easter", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, channel: "email", clock });
    let clockRow = await row(caseId);
    assert.equal(clockRow.commitment_id, email.id);
    // Open days after Thursday 2: Fri 3, (Easter Monday 6 closed) Tue 7, Wed 8, Thu 9, Fri 10 → 17:30.
    assert.equal(clockRow.due_at?.toISOString(), "2026-04-10T15:30:00.000Z");
    assert.equal(clockRow.sla_met, null);

    clock.set(new Date("2026-04-07T08:00:00Z")); // Tuesday 7 April 10:00: waiting for the citizen
    await setStatus(caseId, "en_attente_usager");
    assert.equal(
      (await row(caseId)).due_at?.toISOString(),
      "2026-04-10T15:30:00.000Z",
      "paused, not moved yet",
    );
    clock.set(new Date("2026-04-08T08:00:00Z")); // Wednesday 8 April 10:00: the citizen answers
    await citizenReplies(caseId);
    clockRow = await row(caseId);
    // 7 h 30 of opening time spent waiting: Friday 10 April 17:30 → Monday 13 April 17:30.
    assert.equal(clockRow.due_at?.toISOString(), "2026-04-13T15:30:00.000Z");
    assert.equal(clockRow.sla_met, null);

    clock.set(new Date("2026-04-13T15:00:00Z")); // Monday 13 April 17:00: resolved in time thanks to the pause
    await setStatus(caseId, "resolu");
    assert.equal((await row(caseId)).sla_met, true);
    const events = await database.db
      .selectFrom("events")
      .select(["action", "data"])
      .where("entity_id", "=", caseId)
      .where("action", "like", "sla_%")
      .orderBy("id")
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.data.pausedMinutes ?? e.data.met]),
      [
        ["sla_resumed", 450],
        ["sla_stopped", true],
      ],
    );

    // Reopened by the citizen after resolution: the clock does not restart, the result stays.
    clock.advance(HOUR);
    await citizenReplies(caseId);
    assert.deepEqual(await row(caseId), { commitment_id: email.id, due_at: clockRow.due_at, sla_met: true });
  });

  it("counts 48 business hours for the other channels, paused a day, and stops at the first reply", async () => {
    const met = await aCase(database.db, { organisationId: org, channel: "web", clock });
    const missed = await aCase(database.db, { organisationId: org, channel: "web", clock });
    // 0.5 h Thursday + 7.5 h Friday + 7.5 h × 5 (Tue 7 → Mon 13) = 45.5 h; 2.5 h more → Tuesday 14, 11:00.
    assert.equal((await row(met.caseId)).commitment_id, everyChannel.id);
    assert.equal((await row(met.caseId)).due_at?.toISOString(), "2026-04-14T09:00:00.000Z");

    clock.set(new Date("2026-04-07T08:00:00Z"));
    await setStatus(met.caseId, "en_attente_usager");
    clock.set(new Date("2026-04-08T08:00:00Z"));
    await citizenReplies(met.caseId);
    // + 7.5 h: Tuesday 14 11:00 → 5 h that day, 2.5 h Wednesday 15 → 11:00 Paris.
    assert.equal((await row(met.caseId)).due_at?.toISOString(), "2026-04-15T09:00:00.000Z");

    clock.set(new Date("2026-04-15T08:59:00Z")); // one minute before the deadline
    const reply = (caseId: string) =>
      replyToCase(database.db, {
        organisationId: org,
        caseId,
        actor: actor(),
        body: "Bonjour, voici notre réponse.",
        publicUrl: TEST_PUBLIC_URL,
        clock,
      });
    await reply(met.caseId);
    assert.equal((await row(met.caseId)).sla_met, true);
    // Without a pause the other case was due Tuesday 14 at 11:00.
    await reply(missed.caseId);
    assert.equal((await row(missed.caseId)).sla_met, false);

    // A second reply changes nothing.
    clock.advance(HOUR);
    await reply(met.caseId);
    assert.equal((await row(met.caseId)).sla_met, true);
  });

  it("stops a first-reply clock when the agent answers while waiting, the wait not counted", async () => {
    const { caseId } = await aCase(database.db, { organisationId: org, channel: "web", clock });
    await setStatus(caseId, "en_attente_usager");
    clock.set(new Date("2026-04-16T08:00:00Z")); // after the deadline, but all of it spent waiting
    await replyToCase(database.db, {
      organisationId: org,
      caseId,
      actor: actor(),
      body: "Nous n'avons pas reçu votre pièce.",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    assert.equal((await row(caseId)).sla_met, true);
  });

  it("lists as late only running clocks past their deadline, and shows the time left", async () => {
    await aCase(database.db, {
      organisationId: org,
      channel: "web",
      subject: "Récente",
      clock,
    });
    const paused = await aCase(database.db, {
      organisationId: org,
      channel: "web",
      subject: "En pause",
      clock,
    });
    await setStatus(paused.caseId, "en_attente_usager");
    const stopped = await aCase(database.db, {
      organisationId: org,
      channel: "web",
      subject: "Répondue",
      clock,
    });
    await setStatus(stopped.caseId, "resolu");
    clock.set(new Date("2026-04-13T08:00:00Z")); // Monday 13 April 10:00
    const late = await aCase(database.db, {
      organisationId: org,
      channel: "phone",
      subject: "Tardive",
      clock,
    });
    await database.db
      .updateTable("cases")
      .set({ due_at: new Date("2026-04-09T15:30:00Z") }) // Thursday 9 April 17:30
      .where("id", "=", late.caseId)
      .execute();
    await setCommitmentActive(database.db, {
      organisationId: org,
      commitmentId: everyChannel.id,
      active: false,
      actorId: null,
      clock,
    });
    const noCommitment = await aCase(database.db, { organisationId: org, channel: "web", clock });
    assert.deepEqual(await row(noCommitment.caseId), { commitment_id: null, due_at: null, sla_met: null });

    clock.set(new Date("2026-04-14T12:00:00Z")); // Tuesday 14 April 14:00
    const now = clock.now();
    const page = await listInbox(database.db, {
      organisationId: org,
      agentId: agent,
      filters: { dueBefore: now, now },
    });
    assert.deepEqual(
      page.items.map((item) => item.subject),
      ["Tardive", "Récente"],
    );
    const bySubject = new Map(page.items.map((item) => [item.subject, item.sla]));
    // Due Tuesday 14 at 11:00, it is 14:00: late by 1 h 30 of opening time (12:00–13:30 is lunch).
    assert.deepEqual(bySubject.get("Récente"), {
      state: "late",
      dueAt: new Date("2026-04-14T09:00:00Z"),
      late: { unit: "hours", minutes: 90 },
    });
    assert.deepEqual(bySubject.get("Tardive"), {
      state: "late",
      dueAt: new Date("2026-04-09T15:30:00Z"),
      late: { unit: "days", days: 3 },
    });

    const all = await listInbox(database.db, { organisationId: org, agentId: agent, filters: { now } });
    const states = new Map(all.items.map((item) => [item.subject, item.sla?.state ?? null]));
    assert.equal(states.get("En pause"), "paused");
    assert.equal(states.get("Répondue"), "met");
  });

  it("takes a merged duplicate out of the measure and shows the clock on the case page", async () => {
    const duplicate = await aCase(database.db, { organisationId: org, channel: "web", clock });
    const target = await aCase(database.db, { organisationId: org, channel: "web", clock });
    await mergeCases(database.db, {
      organisationId: org,
      duplicateId: duplicate.caseId,
      targetId: target.caseId,
      actor: actor(),
      clock,
    });
    assert.deepEqual(await row(duplicate.caseId), { commitment_id: null, due_at: null, sla_met: null });
    const view = await getCaseForAgent(database.db, {
      organisationId: org,
      caseId: target.caseId,
      actor: actor(),
      clock,
    });
    assert.equal(view.sla?.commitmentLabel, "Première réponse sous 48 h ouvrées");
    assert.equal(view.sla?.measure, "first_reply");
    assert.deepEqual(view.sla?.view, {
      state: "running",
      dueAt: new Date("2026-04-14T09:00:00Z"),
      left: { unit: "days", days: 7 }, // the deadline falls on the 7th open day from now
    });
  });
});
