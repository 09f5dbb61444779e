/** The retention tasks as the scheduler runs them: every organisation, with the configured durations. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { pino } from "pino";
import { aCase } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { parseConfig } from "../../config.ts";
import { changeCaseStatus } from "../../domains/cases/index.ts";
import { ensureOrganisation } from "../../domains/identity/index.ts";
import { fixedClock } from "../../shared/clock.ts";
import { newId } from "../../shared/ids.ts";
import { registerPeriodicTasks } from "./periodic-tasks.ts";
import { createScheduler } from "./scheduler.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("retention tasks", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it("purges each organisation's expired closed cases when the scheduler runs", async () => {
    const clock = fixedClock(new Date("2026-01-05T10:00:00Z"));
    const closedIn = async (slug: string) => {
      const organisationId = (await ensureOrganisation(database.db, { slug, name: slug })).id;
      const agent = await anAgent(database.db, { organisationId, roles: ["agent"] });
      const opened = await aCase(database.db, { organisationId, clock });
      await changeCaseStatus(database.db, {
        organisationId,
        caseId: opened.caseId,
        actor: { agentId: agent.id },
        status: "clos",
        clock,
      });
      return opened.caseId;
    };
    const ids = [await closedIn("ville-a"), await closedIn("ville-b")];
    const scheduler = createScheduler({
      db: database.db,
      engine: database.engine,
      clock,
      logger: pino({ level: "silent" }),
    });
    const config = parseConfig({ RETENTION_CASES_DAYS: "10", RETENTION_EMAILS_DAYS: "5" });
    registerPeriodicTasks(scheduler, {
      db: database.db,
      clock,
      retention: config.retention,
      publicUrl: config.publicUrl,
    });

    const early = await scheduler.runDue();
    assert.deepEqual(
      early.map((r) => [r.name, r.outcome, r.report?.cases ?? r.report?.outbox]),
      [
        ["retention.cases", "ok", 0],
        ["retention.emails", "ok", 0],
        ["cases.auto_close", "ok", undefined],
        ["retention.conversations", "ok", undefined],
        ["retention.recordings", "ok", undefined],
        ["commitments.risk_digest", "ok", 0],
        ["statistics.refresh", "ok", undefined],
      ],
    );
    const refresh = early.find((r) => r.name === "statistics.refresh");
    assert.ok((refresh?.report?.rows ?? 0) > 0, "the cases of both organisations are counted");
    const arrivals = await database.db
      .selectFrom("stats_arrivals")
      .select(["organisation_id", "count"])
      .execute();
    assert.equal(new Set(arrivals.map((row) => row.organisation_id)).size, 2);
    clock.advance(11 * DAY);
    const later = await scheduler.runDue();
    assert.equal(later[0]?.report?.cases, 2, "both organisations");
    assert.equal(later[0]?.report?.organisations, 2);
    assert.equal(later[1]?.report?.outbox, 0, "unsent acknowledgements are kept");
    const purged = await database.db.selectFrom("cases").select("purged_at").where("id", "in", ids).execute();
    assert.ok(purged.every((row) => row.purged_at !== null));
  });
  it("clears the references to call recordings past RETENTION_RECORDINGS_DAYS, with an event that counts them", async () => {
    const clock = fixedClock(new Date("2026-06-01T10:00:00Z"));
    const organisationId = (await ensureOrganisation(database.db, { slug: "ville-c", name: "Ville C" })).id;
    const aRecordedCall = async (daysAgo: number) => {
      const id = newId();
      const at = new Date(clock.now().getTime() - daysAgo * DAY);
      await database.db
        .insertInto("calls")
        .values({
          id,
          organisation_id: organisationId,
          provider: "twilio",
          provider_call_id: `CA${id.replace(/-/g, "")}`,
          started_at: at,
          ended_at: at,
          state: "{}",
          outcome: "transferred",
          recording_consent: true,
          recording_ref: `https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE${daysAgo}`,
          recorded_at: at,
        })
        .execute();
      return id;
    };
    const old = await aRecordedCall(40);
    const recent = await aRecordedCall(10);
    const scheduler = createScheduler({
      db: database.db,
      engine: database.engine,
      clock,
      logger: pino({ level: "silent" }),
    });
    const config = parseConfig({ RETENTION_RECORDINGS_DAYS: "30" });
    registerPeriodicTasks(scheduler, {
      db: database.db,
      clock,
      retention: config.retention,
      publicUrl: config.publicUrl,
    });
    const reportOf = async () =>
      (await scheduler.runDue()).find((r) => r.name === "retention.recordings")?.report?.recordings;
    const refs = async () =>
      Object.fromEntries(
        (
          await database.db
            .selectFrom("calls")
            .select(["id", "recording_ref", "recorded_at", "outcome"])
            .where("id", "in", [old, recent])
            .execute()
        ).map((row) => [row.id, [row.recording_ref !== null, row.recorded_at !== null, row.outcome]]),
      );

    assert.equal(await reportOf(), 1);
    assert.deepEqual(await refs(), {
      [old]: [false, true, "transferred"],
      [recent]: [true, true, "transferred"],
    });
    const events = await database.db
      .selectFrom("events")
      .select(["organisation_id", "data"])
      .where("action", "=", "recordings.purged")
      .execute();
    assert.deepEqual(events, [
      { organisation_id: organisationId, data: { recordings: 1, retentionDays: 30 } },
    ]);

    clock.advance(21 * DAY);
    assert.equal(await reportOf(), 1, "the other one, once it is past the retention too");
    assert.deepEqual((await refs())[recent], [false, true, "transferred"]);
  });
});
