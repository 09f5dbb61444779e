/**
 * Periodic tasks (retention purges, and whatever else registers): every app process runs the
 * scheduler, and each task still runs at most once at a time and once per period across processes.
 *  - A PostgreSQL advisory lock per task (`pg_try_advisory_lock`) keeps runs apart: a process that
 *    does not get it skips the task this time. On PostgreSQL the lock is held by one pooled
 *    connection for the length of the run (the task itself uses the pool). PGlite is one connection
 *    in one process — holding it would stall every query — so there the lock is taken and given back
 *    around the run on the shared session, and an in-process guard does the excluding.
 *  - `scheduled_tasks` records when each task last started: under the lock, a task is due when its
 *    period has passed since then (by the injected clock, so tests move time instead of waiting).
 *    A failed run waits for its next period too, rather than hammering every tick.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Clock } from "../../shared/clock.ts";
import type { Db, RootDb } from "../../shared/database.ts";
import type { Logger } from "../../shared/logger.ts";

export type ScheduledTask = {
  /** Unique and stable (it names the lock and the `scheduled_tasks` row), e.g. "retention.cases". */
  name: string;
  everyMs: number;
  /** Returns counts for the log and `scheduled_tasks.last_report` — never personal data. */
  run(context: { now: Date }): Promise<Record<string, number> | undefined>;
};

export type TaskOutcome = "ok" | "failed" | "not_due" | "busy";
export type TaskRunReport = { name: string; outcome: TaskOutcome; report?: Record<string, number> };

export type Scheduler = {
  /** Adds a task; call before `start` (or between runs). A second task with the same name throws. */
  register(task: ScheduledTask): void;
  /** Runs, one after the other, every task that is due now. What the timer calls; tests call it too. */
  runDue(): Promise<TaskRunReport[]>;
  /** Checks every `tickMs` (real time) for due tasks; the first check comes after `firstDelayMs`. */
  start(): void;
  /** No new run; resolves when the run in progress (if any) is over. */
  stop(): Promise<void>;
};

/** Advisory locks are (int4, int4): our namespace, then the task name's hash. */
const LOCK_NAMESPACE = 0x47554943; // "GUIC"

function lockKey(name: string): number {
  return createHash("sha256").update(name).digest().readInt32BE(0);
}

/** Tasks running in this process, per database: PGlite's shared session cannot exclude them itself. */
const runningHere = new WeakMap<object, Set<string>>();

async function tryLock(db: Db, name: string): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`
    SELECT pg_try_advisory_lock(${LOCK_NAMESPACE}::int4, ${lockKey(name)}::int4) AS locked`.execute(db);
  return result.rows[0]?.locked === true;
}

async function unlock(db: Db, name: string): Promise<void> {
  await sql`SELECT pg_advisory_unlock(${LOCK_NAMESPACE}::int4, ${lockKey(name)}::int4)`.execute(db);
}

/** Runs `work` holding the task's advisory lock; null when another process holds it. */
async function withTaskLock<T>(
  db: RootDb,
  engine: "postgres" | "pglite",
  name: string,
  work: () => Promise<T>,
): Promise<T | null> {
  const local = runningHere.get(db) ?? new Set<string>();
  runningHere.set(db, local);
  if (local.has(name)) return null;
  local.add(name);
  try {
    if (engine === "pglite") {
      if (!(await tryLock(db, name))) return null;
      try {
        return await work();
      } finally {
        await unlock(db, name);
      }
    }
    return await db.connection().execute(async (conn) => {
      if (!(await tryLock(conn, name))) return null;
      try {
        return await work();
      } finally {
        await unlock(conn, name);
      }
    });
  } finally {
    local.delete(name);
  }
}

export function createScheduler(options: {
  db: RootDb;
  engine: "postgres" | "pglite";
  clock: Clock;
  logger: Logger;
  tickMs?: number;
  firstDelayMs?: number;
}): Scheduler {
  const { db, clock, logger } = options;
  const tickMs = options.tickMs ?? 60_000;
  const tasks = new Map<string, ScheduledTask>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<TaskRunReport[]> | undefined;

  async function isDue(task: ScheduledTask, now: Date): Promise<boolean> {
    const row = await db
      .selectFrom("scheduled_tasks")
      .select("last_started_at")
      .where("name", "=", task.name)
      .executeTakeFirst();
    return !row || row.last_started_at.getTime() + task.everyMs <= now.getTime();
  }

  async function runTask(task: ScheduledTask): Promise<TaskRunReport> {
    const ran = await withTaskLock(db, options.engine, task.name, async (): Promise<TaskRunReport> => {
      const now = clock.now();
      if (!(await isDue(task, now))) return { name: task.name, outcome: "not_due" };
      await db
        .insertInto("scheduled_tasks")
        .values({ name: task.name, last_started_at: now })
        .onConflict((oc) => oc.column("name").doUpdateSet({ last_started_at: now }))
        .execute();
      const startedAt = Date.now();
      try {
        const report = (await task.run({ now })) ?? {};
        await db
          .updateTable("scheduled_tasks")
          .set({
            last_finished_at: clock.now(),
            last_outcome: "ok",
            last_report: JSON.stringify(report),
            last_error: null,
          })
          .where("name", "=", task.name)
          .execute();
        logger.info(
          { task: task.name, ...report, durationMs: Date.now() - startedAt },
          "scheduled task done",
        );
        return { name: task.name, outcome: "ok", report };
      } catch (error) {
        logger.error({ err: error, task: task.name }, "scheduled task failed");
        await db
          .updateTable("scheduled_tasks")
          .set({
            last_finished_at: clock.now(),
            last_outcome: "failed",
            last_report: "{}",
            last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          })
          .where("name", "=", task.name)
          .execute();
        return { name: task.name, outcome: "failed" };
      }
    });
    return ran ?? { name: task.name, outcome: "busy" };
  }

  async function runAll(): Promise<TaskRunReport[]> {
    const reports: TaskRunReport[] = [];
    for (const task of tasks.values()) {
      if (stopped) break;
      reports.push(await runTask(task));
    }
    return reports;
  }

  const tick = async () => {
    timer = undefined;
    try {
      await scheduler.runDue();
    } catch (error) {
      logger.error({ err: error }, "scheduler tick failed");
    }
    if (!stopped) {
      timer = setTimeout(tick, tickMs);
      timer.unref();
    }
  };

  const scheduler: Scheduler = {
    register(task) {
      if (tasks.has(task.name)) throw new Error(`scheduler: task "${task.name}" registered twice`);
      if (!(task.everyMs > 0)) throw new Error(`scheduler: task "${task.name}" needs a positive period`);
      tasks.set(task.name, task);
    },
    runDue() {
      current ??= runAll().finally(() => {
        current = undefined;
      });
      return current;
    },
    start() {
      if (timer || stopped) return;
      timer = setTimeout(tick, options.firstDelayMs ?? 30_000);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current?.catch(() => undefined);
    },
  };
  return scheduler;
}
