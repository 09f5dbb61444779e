import type { Db } from "../../shared/database.ts";
import { calendarFromSettings } from "./calendar-settings.ts";
import type { CommitmentChannel } from "./commitment.ts";
import { computeDueDate } from "./compute-due-date.ts";
import { caseTopicKeys, matchCommitment } from "./match-commitment.ts";

export type StartedSlaClock = { commitmentId: string; dueAt: Date } | null;

/**
 * The clock of a case being opened: the most specific active commitment on cases that applies to its
 * channel and procedure (match-commitment.ts), counted on the organisation's calendar from the opening.
 * null when none applies. The calls commitment (agent_answer) never runs a clock on a case.
 */
export async function startSlaClock(
  db: Db,
  input: {
    organisationId: string;
    channel: CommitmentChannel;
    /** The case's procedure, when it has one. */
    topic?: { ficheId?: string | null; localItemId?: string | null } | null;
    openedAt: Date;
    /** organisations.settings, already read by the caller (the calendar lives there). */
    settings: Record<string, unknown> | null | undefined;
  },
): Promise<StartedSlaClock> {
  const topics = caseTopicKeys(input.topic);
  const candidates = await db
    .selectFrom("service_commitments")
    .select(["id", "channel", "topic", "delay_unit", "delay_amount"])
    .where("organisation_id", "=", input.organisationId)
    .where("active", "=", true)
    .where("measure", "<>", "agent_answer")
    .where((eb) => eb.or([eb("channel", "=", input.channel), eb("channel", "is", null)]))
    .where((eb) =>
      topics.length === 0
        ? eb("topic", "is", null)
        : eb.or([eb("topic", "is", null), eb("topic", "in", topics)]),
    )
    .execute();
  const commitment = matchCommitment(
    candidates.map((row) => ({ ...row, channel: row.channel as CommitmentChannel | null })),
    { channel: input.channel, topics },
  );
  if (!commitment || commitment.delay_unit === null || commitment.delay_amount === null) return null;
  const dueAt = computeDueDate({
    openedAt: input.openedAt,
    delay: { unit: commitment.delay_unit, amount: commitment.delay_amount },
    calendar: calendarFromSettings(input.settings),
    now: input.openedAt,
  });
  return { commitmentId: commitment.id, dueAt };
}
