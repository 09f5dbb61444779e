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
});
