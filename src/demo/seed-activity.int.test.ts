/**
 * The demo's activity: enough of everything for every published indicator (phone calls included), a
 * published /resultats from the first start, consistent SLA fields, and nothing added on a second start.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/test-db.ts";
import { findPublishedResults, listPublishedPeriods, monthPeriod } from "../domains/commitments/index.ts";
import { ensureOrganisation } from "../domains/identity/index.ts";
import { fixedClock } from "../shared/clock.ts";
import { createLogger } from "../shared/logger.ts";
import { seedDemoActivity } from "./seed-activity.ts";
import { seedDemo } from "./seed-demo.ts";

describe("demo activity", () => {
  let database: TestDatabase;
  let organisationId = "";
  // Wednesday 18 November 2026, 10:00 in Paris.
  const clock = fixedClock(new Date("2026-11-18T09:00:00Z"));
  const logger = createLogger({ level: "silent" });
  let seedMs = 0;

  before(async () => {
    database = await createTestDatabase();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
    const started = performance.now();
    await seedDemo({ db: database.db, organisationId, clock, logger });
    seedMs = performance.now() - started;
  });
  after(() => database.close());

  it("publishes last month and the last three months, every indicator but the phone and partner apps with n ≥ 10", async () => {
    const periods = await listPublishedPeriods(database.db, { organisationId });
    assert.deepEqual(
      periods.map((p) => p.period),
      [monthPeriod(2026, 10), { from: "2026-08-01", to: "2026-10-31" }],
    );
    const latest = await findPublishedResults(database.db, { organisationId });
    assert.deepEqual(latest?.period, monthPeriod(2026, 10));
    const hidden = latest?.snapshot.indicators.filter((i) => !i.shown).map((i) => i.id);
    // A few requests a month come from partner applications: the page shows how small samples are hidden.
    assert.deepEqual(hidden, ["joignabilite.api"]);
    // Calls: half settled by the assistant, a fifth passed to an agent (CALL_OUTCOMES in seed-activity.ts).
    const phone = latest?.snapshot.indicators.find((i) => i.id === "telephone.assistant");
    assert.ok(phone?.value !== undefined && phone.value !== null && phone.value > 40 && phone.value < 70);
    const commitments = latest?.snapshot.indicators.filter((i) => i.id.startsWith("engagement.")) ?? [];
    // Every channel, e-mails, the birth certificate (a procedure) and the calls answered by an agent.
    assert.equal(commitments.length, 4);
    for (const c of commitments)
      assert.ok(c.value !== null && c.value > 60 && c.value < 100, `${c.label}: ${c.value}`);
    const quarter =
      periods[1] &&
      (await findPublishedResults(database.db, { organisationId, publicationId: periods[1].id }));
    assert.equal(
      quarter?.snapshot.series.find((s) => s.indicatorId === "satisfaction.globale")?.points.length,
      3,
    );
    console.log(
      `demo seed (content, desk, feedback, activity, rollups, 2 publications): ${Math.round(seedMs)} ms`,
    );
  });

  it("writes SLA fields consistent with the clock of each request", async () => {
    const cases = await database.db
      .selectFrom("cases")
      .select([
        "status",
        "due_at",
        "sla_met",
        "first_agent_reply_at",
        "resolved_at",
        "commitment_id",
        "channel",
      ])
      .where("organisation_id", "=", organisationId)
      .where("submission_key", "like", "demo-activity:%")
      .execute();
    assert.ok(cases.length > 300, `${cases.length} requests`);
    for (const row of cases) {
      assert.ok(row.commitment_id && row.due_at, "every request runs under a commitment");
      if (row.sla_met === null) assert.equal(row.resolved_at, null, "a stopped clock has its verdict");
      if (row.status === "resolu" || row.status === "clos") assert.notEqual(row.resolved_at, null);
    }
    assert.ok(new Set(cases.map((c) => c.channel)).size >= 6, "every channel");
    const handedOff = await database.db
      .selectFrom("conversations")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .where("organisation_id", "=", organisationId)
      .where("case_id", "is not", null)
      .executeTakeFirstOrThrow();
    assert.ok(Number(handedOff.n) >= 30);
  });

  it("adds nothing on a second start", async () => {
    assert.deepEqual(await seedDemoActivity({ db: database.db, organisationId, clock, logger }), {
      cases: 0,
      conversations: 0,
      published: 0,
    });
  });
});
