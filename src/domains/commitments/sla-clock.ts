/**
 * The SLA clock of a case, as pure rules. It starts at opening with the commitment's deadline; it
 * pauses while the case waits for the citizen (en_attente_usager): on leaving that status the deadline
 * moves by the business minutes spent waiting; it stops at the first public agent reply (measure
 * first_reply) or at resolution/closure (both measures: a case settled without a written reply is
 * answered too), and records whether it stopped on or before the deadline.
 * A case reopened after resolution restarts nothing: the commitment was met or missed once.
 */
import type { CasesTable, CommitmentMeasure } from "../../shared/database.ts";
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from "./business-calendar.ts";

type Status = CasesTable["status"];

export type SlaTransition = {
  measure: CommitmentMeasure;
  /** The running clock's deadline (not yet moved by the pause in progress, if any). */
  dueAt: Date;
  from: Status;
  to: Status;
  /** Since when the case waits for the citizen (set while en_attente_usager). */
  waitingSince: Date | null;
  /** This change records the first public agent reply. */
  firstReply: boolean;
  now: Date;
  calendar: BusinessCalendar;
};

export type SlaOutcome = {
  dueAt: Date;
  /** null: the clock still runs. */
  met: boolean | null;
  /** Business minutes of waiting for the citizen that this change ended (0 if none). */
  pausedMinutes: number;
};

export function stopsClock(measure: CommitmentMeasure, to: Status, firstReply: boolean): boolean {
  return to === "resolu" || to === "clos" || (measure === "first_reply" && firstReply);
}

/** Whether a status change can move or stop a running clock (else nothing needs loading). */
export function mayAffectClock(input: { from: Status; to: Status; firstReply: boolean }): boolean {
  return (
    (input.from === "en_attente_usager" && input.to !== input.from) ||
    input.to === "resolu" ||
    input.to === "clos" ||
    input.firstReply
  );
}

export function slaOnTransition(input: SlaTransition): SlaOutcome {
  const stops = stopsClock(input.measure, input.to, input.firstReply);
  const pauseEnds =
    input.from === "en_attente_usager" && input.waitingSince !== null && (input.to !== input.from || stops);
  const pausedMinutes = pauseEnds
    ? businessMinutesBetween(input.waitingSince as Date, input.now, input.calendar)
    : 0;
  const dueAt =
    pausedMinutes > 0 ? addBusinessMinutes(input.dueAt, pausedMinutes, input.calendar) : input.dueAt;
  return { dueAt, met: stops ? input.now.getTime() <= dueAt.getTime() : null, pausedMinutes };
}
