/**
 * The organisation's business calendar, stored in `organisations.settings.calendar`. Stored JSON is a
 * boundary: it is checked on every read, and anything malformed falls back to the default calendar
 * (a town hall's usual hours) rather than stopping the desk.
 */
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { sql } from "kysely";
import { AppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { type BusinessCalendar, DEFAULT_CALENDAR } from "./business-calendar.ts";
import { inTransaction } from "./transaction.ts";

const Time = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$" });
const Day = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });
const Periods = Type.Array(Type.Tuple([Time, Time]), { maxItems: 4 });

export const CalendarSettingsSchema = Type.Object({
  v: Type.Literal(1),
  hours: Type.Object({
    1: Type.Optional(Periods),
    2: Type.Optional(Periods),
    3: Type.Optional(Periods),
    4: Type.Optional(Periods),
    5: Type.Optional(Periods),
    6: Type.Optional(Periods),
    7: Type.Optional(Periods),
  }),
  region: Type.Union([Type.Literal("metropole"), Type.Literal("alsace-moselle")]),
  closures: Type.Array(
    Type.Object({ from: Day, to: Day, label: Type.Optional(Type.String({ maxLength: 200 })) }),
    { maxItems: 200 },
  ),
});
export type CalendarSettings = Static<typeof CalendarSettingsSchema>;

/** The calendar of `settings`, or the default one when absent or malformed. */
export function calendarFromSettings(settings: Record<string, unknown> | null | undefined): BusinessCalendar {
  const stored = settings?.calendar;
  if (!Value.Check(CalendarSettingsSchema, stored)) return DEFAULT_CALENDAR;
  const hours: BusinessCalendar["hours"] = {};
  for (const [day, periods] of Object.entries(stored.hours)) {
    if (periods && periods.length > 0) hours[Number(day) as 1] = periods as [string, string][];
  }
  return { hours, region: stored.region, closures: stored.closures };
}

export function calendarToSettings(calendar: BusinessCalendar): CalendarSettings {
  return { v: 1, hours: calendar.hours, region: calendar.region, closures: calendar.closures };
}

export async function getBusinessCalendar(db: Db, organisationId: string): Promise<BusinessCalendar> {
  const row = await db
    .selectFrom("organisations")
    .select("settings")
    .where("id", "=", organisationId)
    .executeTakeFirst();
  return calendarFromSettings(row?.settings);
}

/**
 * Applies `change` to the stored calendar under a row lock and records the event, in one transaction.
 * Only `settings.calendar` is rewritten (jsonb_set): the organisation's other settings stay as they are.
 */
export async function changeCalendar(
  db: Db,
  input: {
    organisationId: string;
    actorId: string | null;
    action: string;
    change: (calendar: BusinessCalendar) => BusinessCalendar;
    data?: Record<string, unknown>;
  },
): Promise<BusinessCalendar> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("organisations")
      .select("settings")
      .where("id", "=", input.organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", { message: "unknown organisation" });
    const next = input.change(calendarFromSettings(row.settings));
    await trx
      .updateTable("organisations")
      .set({
        settings: sql`jsonb_set(settings, '{calendar}', ${JSON.stringify(calendarToSettings(next))}::jsonb)`,
      } as never)
      .where("id", "=", input.organisationId)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "business_calendar",
      entityId: input.organisationId,
      action: input.action,
      actorId: input.actorId,
      data: input.data ?? {},
    });
    return next;
  });
}
