/**
 * The calls commitment ("85 % des appels décrochés quand l'usager demande un agent") from fixed call
 * rows and a fixed clock: which calls count as a request for an agent, which as answered, the days the
 * commitment was in force, and the published indicator — each equal to the count worked out by hand.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";
import type { CallOutcome } from "../../../shared/database.ts";
import { newId } from "../../../shared/ids.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import {
  CALLS_COMMITMENT_DEFINITION,
  commitmentsKept,
  computeResults,
  createCommitment,
  readActivityFigures,
  refreshActivityRollups,
  setCommitmentActive,
} from "../index.ts";

/** Winter time: Paris = UTC+1 in March 2026 until the 29th. */
const paris = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);
const MARCH = { from: "2026-03-01", to: "2026-03-31" };

/** The steps the call flow writes (src/domains/channels/voice/call-flow.ts). */
const ANSWERED = ["start", "agent", "transfer", "transfer_answered"];
const NOBODY_THEN_CALLBACK = ["start", "agent", "transfer", "transfer_failed", "agent", "callback"];
const HUNG_UP_WHILE_RINGING = ["start", "agent", "transfer", "transfer_unconfirmed"];

describe("the calls commitment from call rows", () => {
  let database: TestDatabase;
  let org: string;
  let other: string;
  let callsId: string;
  const clock = fixedClock(paris("2026-03-02", "09:00"));
  let n = 0;

  async function call(at: Date, outcome: CallOutcome | null, steps: string[], organisationId = org) {
    n += 1;
    await database.db
      .insertInto("calls")
      .values({
        id: newId(),
        organisation_id: organisationId,
        provider: "twilio",
        provider_call_id: `CA${n}`,
        started_at: at,
        answered_at: at,
        ended_at: outcome ? new Date(at.getTime() + 120_000) : null,
        outcome,
        state: JSON.stringify({}),
        path: JSON.stringify(steps.map((step) => ({ step }))),
      })
      .execute();
  }

  const setActive = (active: boolean) =>
    setCommitmentActive(database.db, {
      organisationId: org,
      commitmentId: callsId,
      active,
      actorId: null,
      clock,
    });

  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    org = (await ensureOrganisation(db, { slug: "ville", name: "Ville" })).id;
    other = (await ensureOrganisation(db, { slug: "voisine", name: "Ville voisine" })).id;
    // Announced Monday 2 March at 9:00; a commitment on phone requests besides, which calls never feed.
    callsId = (
      await createCommitment(db, {
        organisationId: org,
        form: {
          label: "85 % des appels décrochés quand l'usager demande un agent",
          measure: "agent_answer",
          channel: "phone",
          delayUnit: "business_days",
          delayAmount: "",
          targetPercent: "85",
        },
        actorId: null,
        clock,
      })
    ).id;
    await createCommitment(db, {
      organisationId: org,
      form: {
        label: "Rappel sous 2 jours ouvrés",
        measure: "first_reply",
        channel: "phone",
        delayUnit: "business_days",
        delayAmount: "2",
        targetPercent: "90",
      },
      actorId: null,
      clock,
    });

    // Before the commitment: not counted.
    await call(paris("2026-03-01", "10:00"), "transferred", ANSWERED);
    await call(paris("2026-03-02", "08:59"), "transferred", ANSWERED);
    // Monday 2 March: measured 5, answered 2.
    await call(paris("2026-03-02", "10:00"), "transferred", ANSWERED); // measured, answered
    await call(paris("2026-03-02", "10:05"), "callback", NOBODY_THEN_CALLBACK); // measured
    await call(paris("2026-03-02", "10:10"), "callback", ["start", "agent", "callback"]); // line closed: not measured
    await call(paris("2026-03-02", "10:15"), "assistant", [
      "start",
      "reply",
      ...HUNG_UP_WHILE_RINGING.slice(1),
    ]); // measured
    await call(paris("2026-03-02", "10:20"), "abandoned", HUNG_UP_WHILE_RINGING); // measured
    await call(paris("2026-03-02", "10:25"), "assistant", ["start", "choice", "reply", "end"]); // no request
    await call(paris("2026-03-02", "10:30"), null, ["start", "agent", "transfer"]); // still ringing: not yet
    await call(paris("2026-03-02", "10:35"), "transferred", ["start", "agent"]); // older row: measured, answered
    // Tuesday 3 March: measured 6, answered 5 — the first at 0:30 in Paris, still Monday in UTC.
    await call(paris("2026-03-03", "00:30"), "transferred", ANSWERED);
    for (const time of ["09:00", "09:05", "09:10", "09:15"])
      await call(paris("2026-03-03", time), "transferred", ANSWERED);
    await call(paris("2026-03-03", "09:30"), "failed", ["start", "agent", "transfer", "failed"]);
    // Wednesday 4 March: one answered before the commitment is deactivated at noon.
    await call(paris("2026-03-04", "11:00"), "transferred", ANSWERED);
    clock.set(paris("2026-03-04", "12:00"));
    await setActive(false);
    await call(paris("2026-03-04", "14:00"), "transferred", ANSWERED); // not in force: not counted
    await call(paris("2026-03-04", "15:00"), "callback", NOBODY_THEN_CALLBACK); // not counted
    // Thursday 5 March: reactivated at 9:00; measured 2, answered 1.
    clock.set(paris("2026-03-05", "09:00"));
    await setActive(true);
    await call(paris("2026-03-05", "10:00"), "transferred", ANSWERED);
    await call(paris("2026-03-05", "10:05"), "abandoned", HUNG_UP_WHILE_RINGING);
    // April, and another town: not in March's figures.
    await call(paris("2026-04-01", "10:00"), "transferred", ANSWERED);
    await call(paris("2026-03-02", "11:00"), "transferred", ANSWERED, other);

    clock.set(new Date("2026-04-02T09:00:00+02:00"));
    await refreshActivityRollups(db, { organisationId: org, clock, from: "2026-02-25", to: "2026-04-01" });
  });
  after(() => database.close());

  const kept = async (period: { from: string; to: string }) =>
    (await readActivityFigures(database.db, { organisationId: org, period })).commitments;

  it("counts requests for an agent passed on, and those an agent answered, day by day", async () => {
    // Only the calls commitment: calls never feed the commitment on phone requests.
    assert.deepEqual(await kept({ from: "2026-03-02", to: "2026-03-02" }), [
      { commitmentId: callsId, measured: 5, met: 2 },
    ]);
    assert.deepEqual(await kept({ from: "2026-03-03", to: "2026-03-03" }), [
      { commitmentId: callsId, measured: 6, met: 5 },
    ]);
    assert.deepEqual(await kept({ from: "2026-03-04", to: "2026-03-04" }), [
      { commitmentId: callsId, measured: 1, met: 1 },
    ]);
    assert.deepEqual(await kept({ from: "2026-03-05", to: "2026-03-05" }), [
      { commitmentId: callsId, measured: 2, met: 1 },
    ]);
    assert.deepEqual(await kept({ from: "2026-03-01", to: "2026-03-01" }), []);
  });

  it("sums the month, and gives the same figures when refreshed again", async () => {
    const figures = await readActivityFigures(database.db, { organisationId: org, period: MARCH });
    // 5 + 6 + 1 + 2 = 14 requests, 2 + 5 + 1 + 1 = 9 answered.
    assert.deepEqual(commitmentsKept(figures), [{ commitmentId: callsId, value: 9 / 14, n: 14, count: 9 }]);
    await refreshActivityRollups(database.db, {
      organisationId: org,
      clock,
      from: "2026-03-01",
      to: "2026-03-31",
    });
    assert.deepEqual(await kept(MARCH), [{ commitmentId: callsId, measured: 14, met: 9 }]);
  });

  it("publishes it as a commitment with its own definition and target", async () => {
    const march = await computeResults(database.db, { organisationId: org, period: MARCH, clock });
    const indicator = march.indicators.find((i) => i.id === `engagement.${callsId}`);
    assert.deepEqual(indicator, {
      id: `engagement.${callsId}`,
      label: "85 % des appels décrochés quand l'usager demande un agent",
      definition: CALLS_COMMITMENT_DEFINITION,
      unit: "percent",
      value: 64.3, // 9 / 14
      n: 14,
      shown: true,
      target: 85,
    });
    assert.match(indicator?.definition ?? "", /demandes à parler à un agent faites au téléphone/);
    // The phone requests' commitment had no request in March: nothing measured.
    const requests = march.indicators.filter((i) => i.id.startsWith("engagement.") && i.id !== indicator?.id);
    assert.deepEqual(
      requests.map((i) => [i.label, i.n, i.shown]),
      [["Rappel sous 2 jours ouvrés", 0, false]],
    );
  });
});
