/**
 * The scheduler against a real database: due by the injected clock, once per period, failures
 * recorded, and never two runs of a task at once — within a process (two schedulers on one handle)
 * and, on PostgreSQL, across processes (a second connection pool to the same database).
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { sql } from "kysely";
import { pino } from "pino";
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { openDatabase } from "../db/connect.ts";
import { createScheduler, type ScheduledTask } from "./scheduler.ts";

const HOUR = 60 * 60 * 1000;
const logger = pino({ level: "silent" });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("scheduler", () => {
  let database: TestDatabase;
  const clock = fixedClock(new Date("2026-03-10T03:00:00Z"));
  const scheduler = () => createScheduler({ db: database.db, engine: database.engine, clock, logger });
  const row = (name: string) =>
    database.db.selectFrom("scheduled_tasks").selectAll().where("name", "=", name).executeTakeFirst();

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    clock.set(new Date("2026-03-10T03:00:00Z"));
  });
  after(() => database.close());

  it("runs a task when due by the clock, once per period, and records it", async () => {
    let runs = 0;
    const s = scheduler();
    s.register({
      name: "test.counter",
      everyMs: 6 * HOUR,
      run: async () => {
        runs += 1;
        return { purged: 3 };
      },
    });
    assert.deepEqual(await s.runDue(), [{ name: "test.counter", outcome: "ok", report: { purged: 3 } }]);
    clock.advance(HOUR);
    assert.deepEqual(await s.runDue(), [{ name: "test.counter", outcome: "not_due" }]);
    clock.advance(5 * HOUR);
    assert.equal((await s.runDue())[0]?.outcome, "ok");
    assert.equal(runs, 2);
    const recorded = await row("test.counter");
    assert.equal(recorded?.last_started_at.toISOString(), "2026-03-10T09:00:00.000Z");
    assert.equal(recorded?.last_outcome, "ok");
    assert.deepEqual(recorded?.last_report, { purged: 3 });
  });

  it("records a failure and waits for the next period before trying again", async () => {
    let runs = 0;
    const s = scheduler();
    s.register({
      name: "test.failing",
      everyMs: HOUR,
      run: async () => {
        runs += 1;
        throw new Error("disque plein");
      },
    });
    assert.equal((await s.runDue())[0]?.outcome, "failed");
    assert.equal((await row("test.failing"))?.last_error, "disque plein");
    assert.equal((await row("test.failing"))?.last_outcome, "failed");
    assert.equal((await s.runDue())[0]?.outcome, "not_due");
    clock.advance(HOUR);
    assert.equal((await s.runDue())[0]?.outcome, "failed");
    assert.equal(runs, 2);
  });

  it("never runs a task twice at once in one process; the other scheduler skips it", async () => {
    const started = deferred();
    const release = deferred();
    let runs = 0;
    const task: ScheduledTask = {
      name: "test.slow",
      everyMs: HOUR,
      run: async () => {
        runs += 1;
        started.resolve();
        await release.promise;
        return undefined;
      },
    };
    const a = scheduler();
    const b = scheduler();
    a.register(task);
    b.register(task);
    const first = a.runDue();
    await started.promise;
    assert.deepEqual(await b.runDue(), [{ name: "test.slow", outcome: "busy" }]);
    release.resolve();
    assert.equal((await first)[0]?.outcome, "ok");
    assert.deepEqual(await b.runDue(), [{ name: "test.slow", outcome: "not_due" }], "once per period");
    assert.equal(runs, 1);
  });

  it("keeps two processes sharing PostgreSQL apart (advisory lock), once per period", async (t) => {
    const url = testDatabaseUrl();
    if (database.engine !== "postgres" || !url) {
      t.skip("PostgreSQL only (npm run test:db): PGlite is one process");
      return;
    }
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db)).rows[0]
      ?.name;
    const otherUrl = new URL(url);
    otherUrl.pathname = `/${name}`;
    const other = await openDatabase({ engine: "postgres", url: otherUrl.toString(), maxConnections: 3 });
    try {
      const started = deferred();
      const release = deferred();
      let runs = 0;
      const task = (): ScheduledTask => ({
        name: "test.shared",
        everyMs: HOUR,
        run: async () => {
          runs += 1;
          started.resolve();
          await release.promise;
          return undefined;
        },
      });
      const here = scheduler();
      const there = createScheduler({ db: other.db, engine: "postgres", clock, logger });
      here.register(task());
      there.register(task());
      const first = here.runDue();
      await started.promise;
      assert.deepEqual(await there.runDue(), [{ name: "test.shared", outcome: "busy" }]);
      release.resolve();
      await first;
      assert.deepEqual(await there.runDue(), [{ name: "test.shared", outcome: "not_due" }]);
      clock.advance(HOUR);
      assert.equal((await there.runDue())[0]?.outcome, "ok", "the other process takes the next period");
      assert.equal(runs, 2);
    } finally {
      await other.close();
    }
  });

  it("starts on a timer and stops after the run in progress", async () => {
    const ran = deferred();
    const s = createScheduler({ db: database.db, engine: database.engine, clock, logger, firstDelayMs: 0 });
    s.register({
      name: "test.timer",
      everyMs: HOUR,
      run: async () => {
        ran.resolve();
        return { done: 1 };
      },
    });
    s.start();
    await ran.promise;
    await s.stop();
    assert.equal((await row("test.timer"))?.last_outcome, "ok");
  });

  it("refuses a second task with the same name", () => {
    const s = scheduler();
    const task: ScheduledTask = { name: "test.twice", everyMs: HOUR, run: async () => undefined };
    s.register(task);
    assert.throws(() => s.register(task), /registered twice/);
  });
});
