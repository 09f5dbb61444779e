import type { Db } from "../../shared/database.ts";
import { calendarFromSettings } from "./calendar-settings.ts";
import type { CommitmentChannel } from "./commitment.ts";
import { computeDueDate } from "./compute-due-date.ts";

export type StartedSlaClock = { commitmentId: string; dueAt: Date } | null;

/**
 * The clock of a case being opened: the active commitment of its channel, else the one for every
 * channel, counted on the organisation's calendar from the opening. null when none applies.
 */
export async function startSlaClock(
  db: Db,
  input: {
    organisationId: string;
    channel: CommitmentChannel;
    openedAt: Date;
    /** organisations.settings, already read by the caller (the calendar lives there). */
    settings: Record<string, unknown> | null | undefined;
  },
): Promise<StartedSlaClock> {
  const commitment = await db
    .selectFrom("service_commitments")
    .select(["id", "delay_unit", "delay_amount"])
    .where("organisation_id", "=", input.organisationId)
    .where("active", "=", true)
    .where((eb) => eb.or([eb("channel", "=", input.channel), eb("channel", "is", null)]))
    // The channel's own commitment before the one for every channel.
    .orderBy((eb) => eb.case().when("channel", "is", null).then(1).else(0).end())
    .limit(1)
    .executeTakeFirst();
  if (!commitment) return null;
  const dueAt = computeDueDate({
    openedAt: input.openedAt,
    delay: { unit: commitment.delay_unit, amount: commitment.delay_amount },
    calendar: calendarFromSettings(input.settings),
    now: input.openedAt,
  });
  return { commitmentId: commitment.id, dueAt };
}
