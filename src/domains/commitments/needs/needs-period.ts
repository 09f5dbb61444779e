/**
 * The dashboard's period, from a form that works without JavaScript: the last 30 days (default), a
 * calendar month, a quarter, or two dates. Days are Paris days, both ends included — the grain of the
 * daily rollups (statistics/activity-figures.ts).
 */
import { AppError } from "../../../shared/app-error.ts";
import type { IsoDay, StatsPeriod } from "../statistics/activity-figures.ts";

export const PERIOD_CHOICES = ["30j", "mois", "trimestre", "dates"] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** The form's fields, as received (French names, all optional). */
export type NeedsPeriodParams = {
  periode?: string | undefined;
  mois?: string | undefined;
  trimestre?: string | undefined;
  du?: string | undefined;
  au?: string | undefined;
};

export type NeedsPeriod = {
  choice: PeriodChoice;
  period: StatsPeriod;
  /** The fields that give this period back, for links and the form. */
  params: { periode: PeriodChoice; mois?: string; trimestre?: string; du?: string; au?: string };
};

export type PeriodField = "mois" | "trimestre" | "du" | "au";

const DAY_MS = 86_400_000;
export const DEFAULT_DAYS = 30;
export const MAX_PERIOD_DAYS = 3 * 366;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-T([1-4])$/;

export function addDays(day: IsoDay, days: number): IsoDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days in the period, both ends counted. */
export function periodDays(period: StatsPeriod): number {
  return (
    Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS) + 1
  );
}

function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && addDays(value, 0) === value;
}

function lastDayOfMonth(year: number, month: number): IsoDay {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function invalid(field: PeriodField, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid needs period (${field})`,
    userMessage,
    details: { field },
  });
}

function monthPeriod(value: string): StatsPeriod {
  const match = MONTH.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12)
    throw invalid("mois", "Le mois n'est pas valide (format AAAA-MM, par exemple 2026-03).");
  return { from: `${value}-01`, to: lastDayOfMonth(Number(match[1]), month) };
}

function quarterPeriod(value: string): StatsPeriod {
  const match = QUARTER.exec(value);
  if (!match) throw invalid("trimestre", "Le trimestre n'est pas valide (format AAAA-T1 à AAAA-T4).");
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  return { from: `${year}-${String(first).padStart(2, "0")}-01`, to: lastDayOfMonth(year, first + 2) };
}

export function quarterOf(day: IsoDay): string {
  return `${day.slice(0, 4)}-T${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarters a manager can pick: this one and the `count - 1` before it, newest first. */
export function recentQuarters(today: IsoDay, count = 8): string[] {
  const quarters: string[] = [];
  let year = Number(today.slice(0, 4));
  let quarter = Number(quarterOf(today).slice(-1));
  for (let i = 0; i < count; i++) {
    quarters.push(`${year}-T${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

function choiceOf(params: NeedsPeriodParams): PeriodChoice {
  const asked = params.periode?.trim();
  if ((PERIOD_CHOICES as readonly string[]).includes(asked ?? "")) return asked as PeriodChoice;
  // A link that gives only dates means those dates.
  return params.du?.trim() || params.au?.trim() ? "dates" : "30j";
}

/** Reads the period; refuses malformed values, an end before the start and periods over three years. */
export function parseNeedsPeriod(params: NeedsPeriodParams, today: IsoDay): NeedsPeriod {
  const choice = choiceOf(params);
  switch (choice) {
    case "30j":
      return {
        choice,
        period: { from: addDays(today, -(DEFAULT_DAYS - 1)), to: today },
        params: { periode: choice },
      };
    case "mois": {
      const mois = params.mois?.trim() || today.slice(0, 7);
      return { choice, period: monthPeriod(mois), params: { periode: choice, mois } };
    }
    case "trimestre": {
      const trimestre = params.trimestre?.trim() || quarterOf(today);
      return { choice, period: quarterPeriod(trimestre), params: { periode: choice, trimestre } };
    }
    case "dates": {
      const du = params.du?.trim() || undefined;
      const au = params.au?.trim() || undefined;
      if (du !== undefined && !isIsoDay(du))
        throw invalid("du", "La date de début n'est pas une date valide (format AAAA-MM-JJ).");
      if (au !== undefined && !isIsoDay(au))
        throw invalid("au", "La date de fin n'est pas une date valide (format AAAA-MM-JJ).");
      const to = au ?? today;
      const from = du ?? addDays(to, -(DEFAULT_DAYS - 1));
      if (to < from) throw invalid("au", "La date de fin doit être le même jour ou après la date de début.");
      if (periodDays({ from, to }) > MAX_PERIOD_DAYS)
        throw invalid("du", "La période ne peut pas dépasser trois ans.");
      return { choice, period: { from, to }, params: { periode: choice, du: from, au: to } };
    }
  }
}
