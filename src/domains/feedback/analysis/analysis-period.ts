/**
 * Periods of the analysis are whole French days [from, to) as "YYYY-MM-DD", the grain of `feedback_daily`.
 * People pick an inclusive last day; the code works with the exclusive end.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import { parisDay } from "./feedback-rollups.ts";

export type AnalysisPeriod = { from: string; to: string };

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_PERIOD_DAYS = 3 * 366;
export const DEFAULT_PERIOD_DAYS = 30;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(toTime(day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && !Number.isNaN(toTime(value)) && addDays(value, 0) === value;
}

/** The period of the same length just before: what "change" compares with. */
export function previousPeriod(period: AnalysisPeriod): AnalysisPeriod {
  return { from: addDays(period.from, -daysBetween(period.from, period.to)), to: period.from };
}

function invalid(message: string, field: "du" | "au"): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid analysis period (${field})`,
    userMessage: message,
    details: { field },
  });
}

/**
 * From the form's "du" and "au" (both inclusive, optional): by default the last 30 days up to today.
 * Refuses malformed dates, an end before the start, and periods over three years.
 */
export function parseAnalysisPeriod(input: {
  du?: string | undefined;
  au?: string | undefined;
  clock: Clock;
}): AnalysisPeriod {
  const today = parisDay(input.clock.now());
  const du = input.du?.trim() || undefined;
  const au = input.au?.trim() || undefined;
  if (du !== undefined && !isIsoDay(du))
    throw invalid("La date de début n'est pas une date valide (format AAAA-MM-JJ).", "du");
  if (au !== undefined && !isIsoDay(au))
    throw invalid("La date de fin n'est pas une date valide (format AAAA-MM-JJ).", "au");
  const last = au ?? today;
  const from = du ?? addDays(last, -(DEFAULT_PERIOD_DAYS - 1));
  const to = addDays(last, 1);
  if (from >= to) throw invalid("La date de fin doit être le même jour ou après la date de début.", "au");
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    throw invalid("La période ne peut pas dépasser trois ans.", "du");
  return { from, to };
}

/** The instant a French day starts (midnight in Paris, UTC+1 or UTC+2), to query timestamps by day. */
export function parisMidnight(day: string): Date {
  const utcMidnight = toTime(day);
  for (const offsetHours of [1, 2, 0]) {
    const at = utcMidnight - offsetHours * 3_600_000;
    if (parisDay(new Date(at)) === day && parisDay(new Date(at - 1)) !== day) return new Date(at);
  }
  return new Date(utcMidnight);
}
