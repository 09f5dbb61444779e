import type { CasesTable, Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { getBusinessCalendar } from "./calendar-settings.ts";
import { mayAffectClock, slaOnTransition } from "./sla-clock.ts";

type Status = CasesTable["status"];

/** Column changes for the case row, merged by the cases domain into the same update. */
export type SlaColumnChanges = { commitment_id?: null; due_at?: Date | null; sla_met?: boolean };

/**
 * Moves or stops a case's SLA clock on a status change (called by the cases domain inside the
 * transaction that saves the change), and records `sla_resumed` / `sla_stopped` events.
 * A duplicate merged into another case leaves the measure: its request is counted on the target.
 */
export async function advanceSlaClock(
  db: Db,
  input: {
    organisationId: string;
    caseId: string;
    clock: { commitmentId: string | null; dueAt: Date | null; met: boolean | null };
    from: Status;
    to: Status;
    waitingSince: Date | null;
    firstReply: boolean;
    cause: string;
    actorId: string | null;
    now: Date;
  },
): Promise<SlaColumnChanges> {
  const { clock } = input;
  if (clock.commitmentId === null || clock.dueAt === null || clock.met !== null) return {};
  const event = {
    organisationId: input.organisationId,
    entityType: "case",
    entityId: input.caseId,
    actorId: input.actorId,
  };
  if (input.cause === "merge_duplicate") {
    await recordEvent(db, { ...event, action: "sla_cancelled", data: { commitmentId: clock.commitmentId } });
    return { commitment_id: null, due_at: null };
  }
  if (!mayAffectClock(input)) return {};
  const [commitment, calendar] = await Promise.all([
    db
      .selectFrom("service_commitments")
      .select("measure")
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", clock.commitmentId)
      .executeTakeFirstOrThrow(),
    getBusinessCalendar(db, input.organisationId),
  ]);
  const outcome = slaOnTransition({
    measure: commitment.measure,
    dueAt: clock.dueAt,
    from: input.from,
    to: input.to,
    waitingSince: input.waitingSince,
    firstReply: input.firstReply,
    now: input.now,
    calendar,
  });
  const changes: SlaColumnChanges = {};
  if (outcome.pausedMinutes > 0) {
    changes.due_at = outcome.dueAt;
    await recordEvent(db, {
      ...event,
      action: "sla_resumed",
      data: { pausedMinutes: outcome.pausedMinutes, dueAt: outcome.dueAt.toISOString() },
    });
  }
  if (outcome.met !== null) {
    changes.sla_met = outcome.met;
    await recordEvent(db, {
      ...event,
      action: "sla_stopped",
      data: { met: outcome.met, dueAt: outcome.dueAt.toISOString(), measure: commitment.measure },
    });
  }
  return changes;
}
