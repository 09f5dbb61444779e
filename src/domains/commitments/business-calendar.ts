/**
 * Business time of a service: opening hours per weekday (Paris wall-clock times), French public
 * holidays, and exceptional closures. Deadlines are counted in opening time, so "48 h ouvrées" from a
 * Friday evening does not expire on Sunday, and a DST change moves no deadline by an hour.
 */
import { frenchHolidays, type HolidayRegion, type IsoDay } from "./french-holidays.ts";

/** ISO weekday: 1 = lundi … 7 = dimanche. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type BusinessCalendar = {
  /** Opening periods per weekday, "HH:MM" Paris time, in order; a missing day is closed. */
  hours: Partial<Record<Weekday, [string, string][]>>;
  region: HolidayRegion;
  /** Exceptional closures, days included ("2026-08-10" → "2026-08-14"). */
  closures: { from: IsoDay; to: IsoDay; label?: string }[];
};

const ZONE = "Europe/Paris";
const MINUTE = 60_000;
/** Further than any commitment: a calendar with no opening time at all fails instead of looping. */
const MAX_DAYS = 3_660;

/** Monday–Friday 8:30–12:00 and 13:30–17:30: a town hall's usual hours. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  hours: Object.fromEntries(
    ([1, 2, 3, 4, 5] as Weekday[]).map((day) => [
      day,
      [
        ["08:30", "12:00"],
        ["13:30", "17:30"],
      ],
    ]),
  ),
  region: "metropole",
  closures: [],
};

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function wallClock(instant: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The Paris calendar day of an instant. */
export function parisDayOf(instant: Date): IsoDay {
  const { year, month, day } = wallClock(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant of a Paris wall-clock time (the offset is found from the instant itself: DST-safe). */
export function parisInstant(day: IsoDay, time: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, date, hour, minute);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const seen = wallClock(new Date(guess));
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    const next = asUtc - (seenUtc - guess);
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

function nextDay(day: IsoDay): IsoDay {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

function weekdayOf(day: IsoDay): Weekday {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const sunday0 = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return (sunday0 === 0 ? 7 : sunday0) as Weekday;
}

const holidayCache = new Map<string, Map<IsoDay, string>>();

function isHoliday(day: IsoDay, region: HolidayRegion): boolean {
  const key = `${day.slice(0, 4)}:${region}`;
  let holidays = holidayCache.get(key);
  if (!holidays) {
    holidays = frenchHolidays(Number(day.slice(0, 4)), region);
    holidayCache.set(key, holidays);
  }
  return holidays.has(day);
}

/** Whether the service opens on that day (its weekday has hours, not a holiday, no closure). */
export function isOpenDay(day: IsoDay, calendar: BusinessCalendar): boolean {
  if (!calendar.hours[weekdayOf(day)]?.length) return false;
  if (isHoliday(day, calendar.region)) return false;
  return !calendar.closures.some((closure) => closure.from <= day && day <= closure.to);
}

/** The opening periods of a day as instants (none on a closed day). */
export function openingPeriods(day: IsoDay, calendar: BusinessCalendar): [Date, Date][] {
  if (!isOpenDay(day, calendar)) return [];
  return (calendar.hours[weekdayOf(day)] ?? []).map(([from, to]) => [
    parisInstant(day, from),
    parisInstant(day, to),
  ]);
}

/** The instant when `minutes` of opening time have passed after `start`. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  let remaining = minutes * MINUTE;
  let day = parisDayOf(start);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    for (const [open, close] of openingPeriods(day, calendar)) {
      const from = Math.max(open.getTime(), start.getTime());
      if (from >= close.getTime()) continue;
      const available = close.getTime() - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
  }
  throw new Error("business calendar without opening time");
}

/** Closing time of the `days`-th open day after the day of `start` ("sous 5 jours ouvrés"). */
export function addBusinessDays(start: Date, days: number, calendar: BusinessCalendar): Date {
  let day = parisDayOf(start);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    day = nextDay(day);
    const periods = openingPeriods(day, calendar);
    if (periods.length === 0) continue;
    counted++;
    if (counted === days) return (periods.at(-1) as [Date, Date])[1];
  }
  throw new Error("business calendar without opening time");
}

/** Opening time between two instants, in minutes (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to <= from) return 0;
  let total = 0;
  let day = parisDayOf(from);
  const last = parisDayOf(to);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    for (const [open, close] of openingPeriods(day, calendar)) {
      const start = Math.max(open.getTime(), from.getTime());
      const end = Math.min(close.getTime(), to.getTime());
      if (end > start) total += end - start;
    }
    if (day === last) break;
  }
  return total / MINUTE;
}
