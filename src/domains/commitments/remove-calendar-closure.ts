import type { Db } from "../../shared/database.ts";
import type { BusinessCalendar } from "./business-calendar.ts";
import { changeCalendar } from "./calendar-settings.ts";

/** Removes the closure that starts and ends on these days (a second removal changes nothing). */
export async function removeCalendarClosure(
  db: Db,
  input: { organisationId: string; from: string; to: string; actorId: string | null },
): Promise<BusinessCalendar> {
  return changeCalendar(db, {
    organisationId: input.organisationId,
    actorId: input.actorId,
    action: "closure_removed",
    change: (calendar) => ({
      ...calendar,
      closures: calendar.closures.filter((c) => !(c.from === input.from && c.to === input.to)),
    }),
    data: { from: input.from, to: input.to },
  });
}
