/**
 * Where a case stands against its deadline, for the inbox and the case page, in business time: a
 * number of business hours when it is under a working day, else a number of open days.
 */
import { type BusinessCalendar, businessMinutesBetween, isOpenDay, parisDayOf } from "./business-calendar.ts";
import type { IsoDay } from "./french-holidays.ts";

/** Business time, rounded for reading: hours under a working day, else open days. */
export type BusinessSpan = { unit: "hours"; minutes: number } | { unit: "days"; days: number };

export type SlaView =
  | { state: "running"; dueAt: Date; left: BusinessSpan }
  | { state: "late"; dueAt: Date; late: BusinessSpan }
  /** Waiting for the citizen; `late` when the deadline had passed before the pause began. */
  | { state: "paused"; dueAt: Date; late: BusinessSpan | null }
  | { state: "met"; dueAt: Date }
  | { state: "missed"; dueAt: Date };

const WORKING_DAY_MINUTES = 8 * 60;
const MAX_DAYS_COUNTED = 3_660;

function nextDay(day: IsoDay): IsoDay {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** Open days after the day of `from`, up to and including the day of `to`. */
export function openDaysBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const last = parisDayOf(to);
  let day = parisDayOf(from);
  let count = 0;
  for (let i = 0; i < MAX_DAYS_COUNTED && day < last; i++) {
    day = nextDay(day);
    if (isOpenDay(day, calendar)) count++;
  }
  return count;
}

/**
 * Business time from `from` to `to`. Open days are counted first: over a long span this costs a loop
 * over days, never the minute-by-minute sum (an inbox page shows 25 of them, some late by months).
 */
export function businessSpan(from: Date, to: Date, calendar: BusinessCalendar): BusinessSpan {
  const days = openDaysBetween(from, to, calendar);
  if (days >= 2) return { unit: "days", days };
  const minutes = businessMinutesBetween(from, to, calendar);
  if (minutes >= WORKING_DAY_MINUTES) return { unit: "days", days: Math.max(1, days) };
  return { unit: "hours", minutes };
}

export function describeSla(input: {
  dueAt: Date | null;
  met: boolean | null;
  waitingSince: Date | null;
  now: Date;
  calendar: BusinessCalendar;
}): SlaView | null {
  const { dueAt, calendar } = input;
  if (dueAt === null) return null;
  if (input.met === true) return { state: "met", dueAt };
  if (input.met === false) return { state: "missed", dueAt };
  if (input.waitingSince !== null)
    return {
      state: "paused",
      dueAt,
      late: dueAt < input.waitingSince ? businessSpan(dueAt, input.waitingSince, calendar) : null,
    };
  if (input.now <= dueAt) return { state: "running", dueAt, left: businessSpan(input.now, dueAt, calendar) };
  return { state: "late", dueAt, late: businessSpan(dueAt, input.now, calendar) };
}
