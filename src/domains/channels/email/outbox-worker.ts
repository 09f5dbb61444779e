/**
 * Sends the outbox. Each due row is claimed in a short transaction (`FOR UPDATE SKIP LOCKED`, so several
 * processes sharing one PostgreSQL never take the same row), sent outside any transaction (PGlite has a
 * single connection: an SMTP conversation must not hold it), then marked sent, rescheduled or failed.
 * A claimed row carries a lease in `next_attempt_at`: if the process dies mid-send, another takes it
 * over when the lease ends (at-least-once delivery; a duplicate is better than a lost reply).
 */

import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { Clock } from "../../../shared/clock.ts";
import type { Db, OutboxEmailsTable, RootDb } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import type { Logger } from "../../../shared/logger.ts";
import { loadAttachmentContents } from "../../cases/attachment-contents.ts";
import type { EmailSender, SendResult } from "./email-sender.port.ts";
import { OUTBOX_NOTIFY_CHANNEL } from "./outbox.ts";
import { nextAttemptDelay } from "./retry-schedule.ts";

export type EmailWorkerDeps = {
  db: RootDb;
  sender: EmailSender;
  clock: Clock;
  logger: Logger;
  /** How long a claimed row stays reserved to this process (well above the sender's timeouts). */
  leaseMs?: number;
  /** Upper bound per run, so one run never monopolises the (PGlite) connection for long. */
  maxPerRun?: number;
};

export type WorkerRunReport = { sent: number; retried: number; failed: number };

type OutboxRow = Selectable<OutboxEmailsTable>;

async function claimNext(db: RootDb, now: Date, leaseUntil: Date): Promise<OutboxRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("outbox_emails")
      .select("id")
      .where("status", "in", ["pending", "sending"])
      .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now)]))
      .orderBy("next_attempt_at", (ob) => ob.asc().nullsFirst())
      .orderBy("created_at")
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return undefined;
    return trx
      .updateTable("outbox_emails")
      .set({ status: "sending", attempts: sql<number>`attempts + 1`, next_attempt_at: leaseUntil })
      .where("id", "=", due.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

async function settle(db: Db, row: OutboxRow, result: SendResult, now: Date): Promise<keyof WorkerRunReport> {
  // Only the claim we made: if our lease ran out and another process took the row over, it decides.
  const ours = (qb: Db) =>
    qb
      .updateTable("outbox_emails")
      .where("id", "=", row.id)
      .where("status", "=", "sending")
      .where("attempts", "=", row.attempts);
  const event = (action: string, data: Record<string, unknown>) =>
    recordEvent(db, {
      organisationId: row.organisation_id,
      entityType: "outbox_email",
      entityId: row.id,
      action,
      data: { caseId: row.case_id, attempts: row.attempts, ...data },
    });

  if (result.ok) {
    await ours(db).set({ status: "sent", sent_at: now, next_attempt_at: null, last_error: null }).execute();
    await event("email.sent", {});
    return "sent";
  }
  const error = result.code === undefined ? result.error : `${result.code} ${result.error}`;
  const delay = result.kind === "temporary" ? nextAttemptDelay(row.attempts) : undefined;
  if (delay !== undefined) {
    await ours(db)
      .set({ status: "pending", next_attempt_at: new Date(now.getTime() + delay), last_error: error })
      .execute();
    return "retried";
  }
  await ours(db).set({ status: "failed", next_attempt_at: null, last_error: error }).execute();
  await event("email.failed", { kind: result.kind, code: result.code ?? null });
  return "failed";
}

export function createEmailWorker(deps: EmailWorkerDeps) {
  const leaseMs = deps.leaseMs ?? 10 * 60_000;
  const maxPerRun = deps.maxPerRun ?? 50;
  let running: Promise<WorkerRunReport> | undefined;

  async function drain(): Promise<WorkerRunReport> {
    const report: WorkerRunReport = { sent: 0, retried: 0, failed: 0 };
    for (let i = 0; i < maxPerRun; i++) {
      const claimedAt = deps.clock.now();
      const row = await claimNext(deps.db, claimedAt, new Date(claimedAt.getTime() + leaseMs));
      if (!row) break;
      let result: SendResult;
      try {
        const attachments = await loadAttachmentContents(deps.db, {
          organisationId: row.organisation_id,
          ids: row.attachment_ids,
        });
        if (attachments.length < row.attachment_ids.length)
          deps.logger.warn(
            { outboxId: row.id, expected: row.attachment_ids.length, found: attachments.length },
            "outbox e-mail: attachments erased since queued, sent without them",
          );
        result = await deps.sender.send({
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          messageId: row.message_id,
          inReplyTo: row.in_reply_to ?? undefined,
          references: row.reference_ids,
          autoReply: row.kind === "acknowledgement",
          attachments: attachments.map(({ filename, contentType, content }) => ({
            filename,
            contentType,
            content,
          })),
        });
      } catch (error) {
        // A sender must return failures; a throw is a bug, retried like a temporary failure.
        result = {
          ok: false,
          kind: "temporary",
          error: error instanceof Error ? error.message : String(error),
        };
      }
      const outcome = await deps.db
        .transaction()
        .execute((trx) => settle(trx, row, result, deps.clock.now()));
      report[outcome]++;
      deps.logger.info(
        {
          outboxId: row.id,
          caseId: row.case_id,
          attempts: row.attempts,
          outcome,
          code: result.ok ? undefined : result.code,
        },
        "outbox e-mail",
      );
    }
    return report;
  }

  return {
    /** Sends everything due now (by the injected clock); concurrent calls share one run. */
    runOnce(): Promise<WorkerRunReport> {
      running ??= drain().finally(() => {
        running = undefined;
      });
      return running;
    },
    /** Resolves when the run in progress (if any) is over. */
    async idle(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}

export type Unsubscribe = () => Promise<void>;

/**
 * Polls every `pollIntervalMs` (2 s by default). With `listen` (PGlite's `listen`, or a dedicated
 * PostgreSQL client's LISTEN), it also wakes up as soon as `enqueueEmail` commits.
 */
export function startEmailWorker(
  deps: EmailWorkerDeps & {
    pollIntervalMs?: number;
    listen?: (channel: string, onNotify: () => void) => Promise<Unsubscribe>;
  },
) {
  const worker = createEmailWorker(deps);
  const interval = deps.pollIntervalMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: Promise<Unsubscribe | undefined> = Promise.resolve(undefined);

  let wokenDuringRun = false;
  const tick = async () => {
    timer = undefined;
    wokenDuringRun = false;
    try {
      await worker.runOnce();
    } catch (error) {
      deps.logger.error({ err: error }, "outbox worker run failed");
    }
    if (!stopped) timer = setTimeout(tick, wokenDuringRun ? 0 : interval);
  };
  const wake = () => {
    if (stopped) return;
    if (timer === undefined) {
      wokenDuringRun = true; // the run in progress may have looked before this e-mail committed
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(tick, 0);
  };
  timer = setTimeout(tick, 0);
  if (deps.listen) {
    unsubscribe = deps.listen(OUTBOX_NOTIFY_CHANNEL, wake).catch((error: unknown) => {
      deps.logger.warn({ err: error }, "outbox LISTEN unavailable; polling only");
      return undefined;
    });
  }

  return {
    runOnce: worker.runOnce,
    /** Resolves once LISTEN (if any) is in place: an e-mail enqueued from then on wakes the worker. */
    ready: unsubscribe.then(() => undefined),
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await (await unsubscribe)?.();
      await worker.idle();
    },
  };
}
