import { AppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import type { BusinessCalendar, Weekday } from "./business-calendar.ts";
import { changeCalendar } from "./calendar-settings.ts";
import type { HolidayRegion } from "./french-holidays.ts";

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
export const MAX_PERIODS_PER_DAY = 2;

/** A period as typed in the form; both empty means "no period". */
export type PeriodInput = { from: string; to: string };

function refuse(field: string, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid business hours: ${field}`,
    userMessage,
    details: { field },
  });
}

function normaliseTime(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) return null;
  return `${String(hour).padStart(2, "0")}:${match[2]}`;
}

/** Checks the week's opening hours: "HH:MM" Paris time, start before end, periods in order. */
export function parseBusinessHours(
  input: Partial<Record<Weekday, PeriodInput[]>>,
): BusinessCalendar["hours"] {
  const hours: BusinessCalendar["hours"] = {};
  for (const day of WEEKDAYS) {
    const periods: [string, string][] = [];
    for (const [index, period] of (input[day] ?? []).slice(0, MAX_PERIODS_PER_DAY).entries()) {
      if (period.from.trim() === "" && period.to.trim() === "") continue;
      const field = `hours.${day}.${index}`;
      const from = normaliseTime(period.from);
      if (!from)
        throw refuse(`${field}.from`, "Indiquez l'heure d'ouverture au format HH:MM, par exemple 08:30.");
      const to = normaliseTime(period.to);
      if (!to)
        throw refuse(`${field}.to`, "Indiquez l'heure de fermeture au format HH:MM, par exemple 12:00.");
      if (to <= from) throw refuse(`${field}.to`, "L'heure de fermeture doit suivre l'heure d'ouverture.");
      const previous = periods.at(-1);
      if (previous && from < previous[1])
        throw refuse(`${field}.from`, "L'après-midi doit commencer après la fermeture du matin.");
      periods.push([from, to]);
    }
    if (periods.length > 0) hours[day] = periods;
  }
  if (Object.keys(hours).length === 0)
    throw refuse("hours.1.0.from", "Le service doit ouvrir au moins un jour de la semaine.");
  return hours;
}

function parseRegion(value: string): HolidayRegion {
  if (value === "metropole" || value === "alsace-moselle") return value;
  throw refuse("region", "Choisissez les jours fériés qui s'appliquent au service.");
}

/** Sets the weekly opening hours and the holiday region (Alsace-Moselle adds two holidays). */
export async function updateBusinessHours(
  db: Db,
  input: {
    organisationId: string;
    hours: Partial<Record<Weekday, PeriodInput[]>>;
    region: string;
    actorId: string | null;
  },
): Promise<BusinessCalendar> {
  const hours = parseBusinessHours(input.hours);
  const region = parseRegion(input.region);
  return changeCalendar(db, {
    organisationId: input.organisationId,
    actorId: input.actorId,
    action: "hours_updated",
    change: (calendar) => ({ ...calendar, hours, region }),
    data: { region, openDays: Object.keys(hours).length },
  });
}
