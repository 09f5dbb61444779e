/**
 * Periods of published results: Paris calendar days, both included. A manager picks a month, a quarter,
 * a year or two days; only finished periods can be published (figures of a period still running would
 * change after publication).
 */
import { AppError } from "../../../shared/app-error.ts";
import type { StatsPeriod } from "../statistics/activity-figures.ts";

export type ResultsPeriod = StatsPeriod;

/** The form's choice: "mois:2026-03", "trimestre:2026-1", "annee:2025", or "dates" with du and au. */
export type PeriodChoice = { choice: string; du?: string; au?: string };
export type PeriodField = "periode" | "du" | "au";

export const MAX_RESULTS_DAYS = 3 * 366;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && addDays(value, 0) === value;
}

function daysIn(period: ResultsPeriod): number {
  return (
    Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) +
    1
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

export function monthPeriod(year: number, month: number): ResultsPeriod {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

export function quarterPeriod(year: number, quarter: number): ResultsPeriod {
  const start = monthPeriod(year, quarter * 3 - 2);
  return { from: start.from, to: monthPeriod(year, quarter * 3).to };
}

export function yearPeriod(year: number): ResultsPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The calendar months a period touches, each cut to the period. */
export function monthsOf(period: ResultsPeriod): ResultsPeriod[] {
  const months: ResultsPeriod[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  for (;;) {
    const whole = monthPeriod(year, month);
    if (whole.from > period.to) return months;
    // ISO days compare as strings: the later start and the earlier end.
    const [from] = [whole.from, period.from].sort().reverse() as [string];
    const [to] = [whole.to, period.to].sort() as [string];
    months.push({ from, to });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

function refuse(field: PeriodField, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid results period (${field})`,
    userMessage,
    details: { field },
  });
}

function fromChoice(input: PeriodChoice): ResultsPeriod {
  const [kind, value = ""] = input.choice.split(":");
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (kind === "mois" && month) return monthPeriod(Number(month[1]), Number(month[2]));
  const quarter = /^(\d{4})-([1-4])$/.exec(value);
  if (kind === "trimestre" && quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]));
  if (kind === "annee" && /^\d{4}$/.test(value)) return yearPeriod(Number(value));
  if (kind !== "dates") throw refuse("periode", "Choisissez la période des résultats.");
  const du = input.du?.trim() ?? "";
  const au = input.au?.trim() ?? "";
  if (!isIsoDay(du))
    throw refuse("du", "Indiquez la date de début au format AAAA-MM-JJ, par exemple 2026-01-01.");
  if (!isIsoDay(au))
    throw refuse("au", "Indiquez la date de fin au format AAAA-MM-JJ, par exemple 2026-03-31.");
  if (au < du) throw refuse("au", "La date de fin doit être le même jour ou après la date de début.");
  return { from: du, to: au };
}

/** The period chosen on the form, checked: finished before `today` (Paris), at most three years. */
export function parseResultsPeriod(input: PeriodChoice & { today: string }): ResultsPeriod {
  const period = fromChoice(input);
  const field: PeriodField = input.choice === "dates" ? "au" : "periode";
  if (period.to >= input.today)
    throw refuse(
      field,
      "La période doit être terminée : choisissez une période qui finit au plus tard hier.",
    );
  if (period.from < "2000-01-01")
    throw refuse(input.choice === "dates" ? "du" : "periode", "Choisissez une période après l'an 2000.");
  if (daysIn(period) > MAX_RESULTS_DAYS)
    throw refuse(input.choice === "dates" ? "du" : "periode", "La période ne peut pas dépasser trois ans.");
  return period;
}

/** The periods offered on the form: the last 12 months, 4 quarters and 2 years that are finished. */
export function recentPeriodChoices(today: string): {
  months: string[];
  quarters: string[];
  years: string[];
} {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const m = ((month - 1 - i + 120) % 12) + 1;
    const y = year + Math.floor((month - 1 - i) / 12);
    months.push(`mois:${y}-${pad(m)}`);
  }
  const quarters: string[] = [];
  let q = Math.ceil(month / 3) - 1;
  let qy = year;
  for (let i = 0; i < 4; i++) {
    if (q === 0) {
      q = 4;
      qy -= 1;
    }
    quarters.push(`trimestre:${qy}-${q}`);
    q -= 1;
  }
  return { months, quarters, years: [`annee:${year - 1}`, `annee:${year - 2}`] };
}
