import { AppError } from "../../shared/app-error.ts";
import { recordEvent } from "../../shared/events.ts";
import { advanceSlaClock } from "../commitments/index.ts";
import type { Case } from "./case.ts";
import {
  CASE_STATUS_REFUSAL_MESSAGES,
  type CaseStatusEvent,
  type CaseStatusRefusal,
  nextCaseStatus,
  statusTimestamps,
} from "./case-status.ts";
import { type CaseRowChanges, updateCaseRow } from "./cases.repo.ts";
import type { Trx } from "./transaction.ts";

export function statusRefused(refusal: CaseStatusRefusal): AppError {
  return new AppError("CONFLICT", {
    message: `case status refusal: ${refusal}`,
    userMessage: CASE_STATUS_REFUSAL_MESSAGES[refusal],
    details: { refusal },
  });
}

/** Throws the machine's refusal as an AppError CONFLICT (French message), else returns the next status. */
export function decide(current: Case, event: CaseStatusEvent): { status: Case["status"]; changed: boolean } {
  const decision = nextCaseStatus(current.status, event);
  if (!decision.ok) throw statusRefused(decision.refusal);
  return decision;
}

/**
 * Applies a decided status (with its timestamps) and records the `status_changed` event;
 * always bumps updated_at, which orders the inbox by latest activity. Every status change passes
 * here, so the SLA clock (paused while waiting for the citizen, stopped at the first reply or the
 * resolution) moves here too.
 */
export async function saveCaseChange(
  trx: Trx,
  current: Case,
  options: {
    status: Case["status"];
    cause: CaseStatusEvent["type"];
    actorId: string | null;
    now: Date;
    extra?: CaseRowChanges;
  },
): Promise<Case> {
  const sla = await advanceSlaClock(trx, {
    organisationId: current.organisationId,
    caseId: current.id,
    clock: { commitmentId: current.commitmentId, dueAt: current.dueAt, met: current.slaMet },
    from: current.status,
    to: options.status,
    waitingSince: current.waitingSince,
    // reply-to-case dates the first public reply once: that is the first_reply measure's stop.
    firstReply: Boolean(options.extra?.first_agent_reply_at),
    cause: options.cause,
    actorId: options.actorId,
    now: options.now,
  });
  const updated = await updateCaseRow(trx, current.organisationId, current.id, {
    ...options.extra,
    ...sla,
    status: options.status,
    ...statusTimestamps(current.status, options.status, options.now),
    updated_at: options.now,
  });
  if (current.status !== options.status)
    await recordEvent(trx, {
      organisationId: current.organisationId,
      entityType: "case",
      entityId: current.id,
      action: "status_changed",
      actorId: options.actorId,
      data: { from: current.status, to: options.status, cause: options.cause },
      at: options.now,
    });
  return updated;
}
