/**
 * When a request must be answered under a commitment ("sous 5 jours ouvrés", "sous 48 h ouvrées"),
 * counted on the service's business calendar and paused while the service waits for the citizen:
 * every business minute spent waiting moves the deadline by as much.
 */
import {
  addBusinessDays,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
} from "./business-calendar.ts";

export type Delay = { unit: "business_days"; amount: number } | { unit: "business_hours"; amount: number };

/** A period waiting for the citizen; `to` null while it lasts. */
export type Pause = { from: Date; to: Date | null };

export function computeDueDate(input: {
  openedAt: Date;
  delay: Delay;
  calendar: BusinessCalendar;
  pauses?: Pause[];
  /** For a pause still running: it counts up to now. */
  now: Date;
}): Date {
  const { openedAt, delay, calendar } = input;
  const base =
    delay.unit === "business_days"
      ? addBusinessDays(openedAt, delay.amount, calendar)
      : addBusinessMinutes(openedAt, delay.amount * 60, calendar);
  const paused = (input.pauses ?? []).reduce(
    (sum, pause) => sum + businessMinutesBetween(pause.from, pause.to ?? input.now, calendar),
    0,
  );
  return paused > 0 ? addBusinessMinutes(base, paused, calendar) : base;
}
