/**
 * A period's activity from the daily rollups (refresh-activity-rollups.ts): a handful of grouped sums
 * over at most a few thousand rows per year, whatever the number of cases and conversations behind.
 */
import { sql } from "kysely";
import type { Db } from "../../../shared/database.ts";
import type { ActivityFigures, ArrivalSource, StatsPeriod } from "./activity-figures.ts";

/** Longer periods show the channel mix per month rather than per week. */
const WEEKLY_UP_TO_DAYS = 92;

function daysBetween(period: StatsPeriod): number {
  return (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000 + 1;
}

export async function readActivityFigures(
  db: Db,
  input: { organisationId: string; period: StatsPeriod },
): Promise<ActivityFigures> {
  const { organisationId: org, period } = input;
  const inPeriod = sql`organisation_id = ${org} AND day >= ${period.from}::date AND day <= ${period.to}::date`;
  const bucket = daysBetween(period) <= WEEKLY_UP_TO_DAYS ? "week" : "month";

  const [arrivals, mix, topics, commitments, statusTime, conversations, calls, refresh] = await Promise.all([
    sql<{ source: ArrivalSource; channel: string; weekday: number; hour: number; count: number }>`
      SELECT source, channel, extract(isodow FROM day)::int AS weekday, hour, sum(count)::int AS count
      FROM stats_arrivals WHERE ${inPeriod}
      GROUP BY source, channel, weekday, hour ORDER BY source, channel, weekday, hour`.execute(db),
    sql<{ start: string; source: ArrivalSource; channel: string; count: number }>`
      SELECT to_char(date_trunc(${bucket}, day), 'YYYY-MM-DD') AS start, source, channel, sum(count)::int AS count
      FROM stats_arrivals WHERE ${inPeriod}
      GROUP BY start, source, channel ORDER BY start, source, channel`.execute(db),
    sql<{ source: ArrivalSource; channel: string; topic: string; received: number; answered: number }>`
      SELECT source, channel, topic, sum(received)::int AS received, sum(answered)::int AS answered
      FROM stats_topics WHERE ${inPeriod}
      GROUP BY source, channel, topic ORDER BY received DESC, topic, source, channel`.execute(db),
    sql<{ commitmentId: string; measured: number; met: number }>`
      SELECT commitment_id AS "commitmentId", sum(measured)::int AS measured, sum(met)::int AS met
      FROM stats_sla WHERE ${inPeriod}
      GROUP BY commitment_id ORDER BY commitment_id`.execute(db),
    sql<{ topic: string; status: string; transitions: number; seconds: number }>`
      SELECT topic, status, sum(transitions)::int AS transitions, sum(seconds)::bigint AS seconds
      FROM stats_status_time WHERE ${inPeriod}
      GROUP BY topic, status ORDER BY seconds DESC, topic, status`.execute(db),
    sql<{
      channel: string;
      outcome: string;
      helpful: "yes" | "no" | "none";
      handedOff: boolean;
      count: number;
    }>`
      SELECT channel, outcome, helpful, handed_off AS "handedOff", sum(count)::int AS count
      FROM stats_conversations WHERE ${inPeriod}
      GROUP BY channel, outcome, helpful, handed_off ORDER BY channel, outcome, helpful, handed_off`.execute(
      db,
    ),
    sql<{ outcome: string; count: number }>`
      SELECT outcome, sum(count)::int AS count FROM stats_calls WHERE ${inPeriod}
      GROUP BY outcome ORDER BY outcome`.execute(db),
    db
      .selectFrom("stats_refreshes")
      .select("refreshed_at")
      .where("organisation_id", "=", org)
      .executeTakeFirst(),
  ]);

  return {
    period,
    refreshedAt: refresh ? new Date(refresh.refreshed_at) : null,
    arrivals: arrivals.rows,
    channelMix: { bucket, rows: mix.rows },
    topics: topics.rows,
    commitments: commitments.rows,
    statusTime: statusTime.rows.map((row) => ({ ...row, seconds: Number(row.seconds) })),
    conversations: conversations.rows,
    calls: calls.rows,
  };
}
