import { AppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";
import type { BusinessCalendar } from "./business-calendar.ts";
import { changeCalendar } from "./calendar-settings.ts";

export const MAX_CLOSURES = 200;
const MAX_CLOSURE_DAYS = 366;

function refuse(field: string, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid closure: ${field}`,
    userMessage,
    details: { field },
  });
}

function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An exceptional closure, days included ("fermeture du 10 au 14 août"). */
export async function addCalendarClosure(
  db: Db,
  input: { organisationId: string; from: string; to: string; label: string; actorId: string | null },
): Promise<BusinessCalendar> {
  const from = input.from.trim();
  const to = input.to.trim() === "" ? from : input.to.trim();
  if (!isRealDay(from)) throw refuse("closure.from", "Indiquez le premier jour de fermeture.");
  if (!isRealDay(to)) throw refuse("closure.to", "Indiquez le dernier jour de fermeture.");
  if (to < from) throw refuse("closure.to", "Le dernier jour de fermeture doit suivre le premier.");
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_CLOSURE_DAYS)
    throw refuse("closure.to", "Une fermeture exceptionnelle ne peut pas dépasser un an.");
  const label = collapseWhitespace(stripControlCharacters(input.label)).slice(0, 200);
  return changeCalendar(db, {
    organisationId: input.organisationId,
    actorId: input.actorId,
    action: "closure_added",
    change: (calendar) => {
      if (calendar.closures.length >= MAX_CLOSURES)
        throw refuse("closure.from", "Trop de fermetures exceptionnelles : supprimez-en une d'abord.");
      const closures = [...calendar.closures, { from, to, ...(label ? { label } : {}) }].sort((a, b) =>
        a.from.localeCompare(b.from),
      );
      return { ...calendar, closures };
    },
    data: { from, to },
  });
}
