/**
 * Daily sums of the answers (per questionnaire kind, channel and topic), updated in the transaction that
 * stores an answer: the analysis reads these few rows instead of every answer.
 */
import { sql } from "kysely";
import type { Db, FeedbackChannel, FeedbackKind } from "../../../shared/database.ts";

export type AnswerForRollups = {
  organisationId: string;
  submittedAt: Date;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  topic: string | null;
  satisfaction: number | null;
  clarity: number | null;
  autonomous: boolean | null;
  helpTried: number | null;
  helpReached: number | null;
  helpQuality: number | null;
  csat: number | null;
  nps: number | null;
  sentiment: number | null;
};

/** The calendar day in Paris, "2026-03-31": a day's figures are a French day's. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(at);
}

const n = (value: unknown) => (value === null || value === undefined ? 0 : 1);

export async function addAnswerToRollups(db: Db, answer: AnswerForRollups): Promise<void> {
  const row = {
    organisation_id: answer.organisationId,
    day: parisDay(answer.submittedAt),
    kind: answer.kind,
    channel: answer.channel,
    topic: answer.topic ?? "",
    answers: 1,
    satisfaction_n: n(answer.satisfaction),
    satisfaction_sum: answer.satisfaction ?? 0,
    satisfied_n: answer.satisfaction === 10 ? 1 : 0,
    dissatisfied_n: answer.satisfaction === 0 ? 1 : 0,
    clarity_n: n(answer.clarity),
    clarity_sum: answer.clarity ?? 0,
    autonomy_n: n(answer.autonomous),
    autonomous_n: answer.autonomous ? 1 : 0,
    help_tried_sum: answer.helpTried ?? 0,
    help_reached_sum: answer.helpReached ?? 0,
    help_quality_n: n(answer.helpQuality),
    help_quality_sum: answer.helpQuality ?? 0,
    csat_n: n(answer.csat),
    csat_sum: answer.csat ?? 0,
    nps_n: n(answer.nps),
    nps_promoters: answer.nps !== null && answer.nps >= 9 ? 1 : 0,
    nps_detractors: answer.nps !== null && answer.nps <= 6 ? 1 : 0,
    sentiment_n: n(answer.sentiment),
    sentiment_sum: answer.sentiment ?? 0,
  };
  const counters = Object.keys(row).filter(
    (key) => !["organisation_id", "day", "kind", "channel", "topic"].includes(key),
  ) as (keyof typeof row)[];
  await db
    .insertInto("feedback_daily")
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(["organisation_id", "day", "kind", "channel", "topic"])
        .doUpdateSet(
          Object.fromEntries(
            counters.map((column) => [
              column,
              sql`feedback_daily.${sql.ref(column)} + excluded.${sql.ref(column)}`,
            ]),
          ),
        ),
    )
    .execute();
}
