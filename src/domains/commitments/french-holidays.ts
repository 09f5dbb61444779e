/**
 * French public holidays ("jours fériés"), computed for any year: the fixed ones, the three that follow
 * Easter, and the two more of Alsace-Moselle (Good Friday, Saint Stephen's day).
 */
export type HolidayRegion = "metropole" | "alsace-moselle";

/** A calendar day, "2026-04-06". */
export type IsoDay = string;

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function iso(year: number, month: number, day: number): IsoDay {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function shift(year: number, month: number, day: number, days: number): IsoDay {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export const HOLIDAY_NAMES: Record<string, string> = {
  "01-01": "Jour de l'an",
  "05-01": "Fête du Travail",
  "05-08": "Victoire 1945",
  "07-14": "Fête nationale",
  "08-15": "Assomption",
  "11-01": "Toussaint",
  "11-11": "Armistice 1918",
  "12-25": "Noël",
  "12-26": "Saint-Étienne",
};

/** The holidays of a year, day → name. */
export function frenchHolidays(year: number, region: HolidayRegion = "metropole"): Map<IsoDay, string> {
  const holidays = new Map<IsoDay, string>();
  for (const [monthDay, name] of Object.entries(HOLIDAY_NAMES)) {
    if (monthDay === "12-26" && region !== "alsace-moselle") continue;
    holidays.set(`${year}-${monthDay}`, name);
  }
  const easter = easterSunday(year);
  holidays.set(shift(year, easter.month, easter.day, 1), "Lundi de Pâques");
  holidays.set(shift(year, easter.month, easter.day, 39), "Ascension");
  holidays.set(shift(year, easter.month, easter.day, 50), "Lundi de Pentecôte");
  if (region === "alsace-moselle") holidays.set(shift(year, easter.month, easter.day, -2), "Vendredi saint");
  return holidays;
}
