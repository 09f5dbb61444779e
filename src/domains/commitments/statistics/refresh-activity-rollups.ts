/**
 * Recomputes the daily rollups of one organisation for a range of Paris days, from the source rows
 * (cases, their status changes, conversations, phone calls), in one transaction: delete the days, insert them
 * again. Idempotent; run by the `statistics.refresh` task over the last days (a late reply, vote or
 * status change lands on an earlier day's figures), and over everything when never run before.
 * Merged duplicates are left out: they are one request counted once.
 */
import { sql } from "kysely";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { parisDayOf } from "../business-calendar.ts";
import { inTransaction } from "../transaction.ts";
import type { IsoDay } from "./activity-figures.ts";
import { callsCommitmentRollup } from "./calls-commitment-rollup.ts";

/** Days recomputed on each run: replies, votes and status changes rarely come later than this. */
export const DEFAULT_REFRESH_DAYS = 35;

const STATS_TABLES = [
  "stats_arrivals",
  "stats_topics",
  "stats_sla",
  "stats_status_time",
  "stats_conversations",
  "stats_calls",
] as const;

export type RefreshReport = { from: IsoDay; to: IsoDay; rows: number };

function addDays(day: IsoDay, days: number): IsoDay {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day with a case, a conversation or a call, or null when there is none. */
async function firstActivityDay(db: Db, organisationId: string): Promise<IsoDay | null> {
  const row = await sql<{ first: Date | null }>`
    SELECT least(
      (SELECT min(opened_at) FROM cases WHERE organisation_id = ${organisationId}),
      (SELECT min(started_at) FROM conversations WHERE organisation_id = ${organisationId}),
      (SELECT min(started_at) FROM calls WHERE organisation_id = ${organisationId})
    ) AS first`.execute(db);
  const first = row.rows[0]?.first;
  return first ? parisDayOf(new Date(first)) : null;
}

/**
 * The range to refresh when none is given: the last DEFAULT_REFRESH_DAYS days, or since the first
 * activity when this organisation's rollups were never computed.
 */
async function defaultRange(
  db: Db,
  organisationId: string,
  today: IsoDay,
): Promise<{ from: IsoDay; to: IsoDay }> {
  const recent = addDays(today, -(DEFAULT_REFRESH_DAYS - 1));
  const done = await db
    .selectFrom("stats_refreshes")
    .select("organisation_id")
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (done) return { from: recent, to: today };
  const first = await firstActivityDay(db, organisationId);
  return { from: first && first < recent ? first : recent, to: today };
}

export async function refreshActivityRollups(
  db: Db,
  input: { organisationId: string; clock: Clock; from?: IsoDay; to?: IsoDay },
): Promise<RefreshReport> {
  const now = input.clock.now();
  const today = parisDayOf(now);
  const range =
    input.from && input.to
      ? { from: input.from, to: input.to }
      : await defaultRange(db, input.organisationId, today);
  const org = input.organisationId;
  // Paris midnight of the first day and of the day after the last, as instants.
  const lower = sql`(${range.from}::date)::timestamp AT TIME ZONE 'Europe/Paris'`;
  const upper = sql`((${range.to}::date) + 1)::timestamp AT TIME ZONE 'Europe/Paris'`;
  const parisDay = (column: string) => sql`(${sql.ref(column)} AT TIME ZONE 'Europe/Paris')::date`;
  const caseTopic = sql`coalesce(c.topic_fiche_id, 'local:' || c.topic_local_item_id::text, '')`;

  return inTransaction(db, async (trx) => {
    for (const table of STATS_TABLES)
      await trx
        .deleteFrom(table)
        .where("organisation_id", "=", org)
        .where("day", ">=", range.from)
        .where("day", "<=", range.to)
        .execute();

    let rows = 0;
    const run = async (query: ReturnType<typeof sql>) => {
      const result = await query.execute(trx);
      rows += Number(result.numAffectedRows ?? 0);
    };

    await run(sql`
      INSERT INTO stats_arrivals (organisation_id, day, hour, source, channel, count)
      SELECT ${org}, ${parisDay("c.opened_at")}, extract(hour FROM c.opened_at AT TIME ZONE 'Europe/Paris'),
             'case', c.channel, count(*)
      FROM cases c
      WHERE c.organisation_id = ${org} AND c.merged_into_id IS NULL
        AND c.opened_at >= ${lower} AND c.opened_at < ${upper}
      GROUP BY 2, 3, 5`);
    await run(sql`
      INSERT INTO stats_arrivals (organisation_id, day, hour, source, channel, count)
      SELECT ${org}, ${parisDay("v.started_at")}, extract(hour FROM v.started_at AT TIME ZONE 'Europe/Paris'),
             'conversation', v.channel, count(*)
      FROM conversations v
      WHERE v.organisation_id = ${org} AND v.turns > 0
        AND v.started_at >= ${lower} AND v.started_at < ${upper}
      GROUP BY 2, 3, 5`);
    await run(sql`
      INSERT INTO stats_topics (organisation_id, day, source, channel, topic, received, answered)
      SELECT ${org}, ${parisDay("c.opened_at")}, 'case', c.channel, ${caseTopic}, count(*),
             count(*) FILTER (WHERE c.first_agent_reply_at IS NOT NULL OR c.resolved_at IS NOT NULL)
      FROM cases c
      WHERE c.organisation_id = ${org} AND c.merged_into_id IS NULL
        AND c.opened_at >= ${lower} AND c.opened_at < ${upper}
      GROUP BY 2, 4, 5`);
    await run(sql`
      INSERT INTO stats_topics (organisation_id, day, source, channel, topic, received, answered)
      SELECT ${org}, ${parisDay("v.started_at")}, 'conversation', v.channel, coalesce(v.topic, ''), count(*),
             count(*) FILTER (WHERE v.outcome = 'answered')
      FROM conversations v
      WHERE v.organisation_id = ${org} AND v.turns > 0
        AND v.started_at >= ${lower} AND v.started_at < ${upper}
      GROUP BY 2, 4, 5`);
    await run(sql`
      INSERT INTO stats_sla (organisation_id, day, commitment_id, measured, met)
      SELECT ${org}, ${parisDay("c.opened_at")}, c.commitment_id,
             count(*) FILTER (WHERE c.sla_met IS NOT NULL OR c.due_at < ${now}),
             count(*) FILTER (WHERE c.sla_met)
      FROM cases c
      WHERE c.organisation_id = ${org} AND c.merged_into_id IS NULL AND c.commitment_id IS NOT NULL
        AND c.opened_at >= ${lower} AND c.opened_at < ${upper}
      GROUP BY 2, 3`);
    // The calls commitment, by the day of the call (same table: figures.commitments carries both kinds).
    await run(callsCommitmentRollup({ organisationId: org, lower, upper }));
    await run(sql`
      INSERT INTO stats_status_time (organisation_id, day, topic, status, transitions, seconds)
      SELECT ${org}, ${parisDay("e.created_at")}, ${caseTopic}, e.data->>'from', count(*),
             round(sum(extract(epoch FROM e.created_at - coalesce(previous.at, c.opened_at))))::bigint
      FROM events e
      JOIN cases c ON c.organisation_id = e.organisation_id AND c.id = e.entity_id::uuid
      LEFT JOIN LATERAL (
        SELECT max(p.created_at) AS at FROM events p
        WHERE p.organisation_id = e.organisation_id AND p.entity_type = 'case' AND p.entity_id = e.entity_id
          AND p.action = 'status_changed' AND p.id < e.id
      ) previous ON true
      WHERE e.organisation_id = ${org} AND e.entity_type = 'case' AND e.action = 'status_changed'
        AND e.created_at >= ${lower} AND e.created_at < ${upper} AND c.merged_into_id IS NULL
      GROUP BY 2, 3, 4`);
    await run(sql`
      INSERT INTO stats_conversations (organisation_id, day, channel, outcome, helpful, handed_off, count)
      SELECT ${org}, ${parisDay("v.started_at")}, v.channel, v.outcome,
             CASE WHEN v.helpful THEN 'yes' WHEN NOT v.helpful THEN 'no' ELSE 'none' END,
             (v.outcome = 'handed_off' OR v.case_id IS NOT NULL), count(*)
      FROM conversations v
      WHERE v.organisation_id = ${org} AND v.turns > 0
        AND v.started_at >= ${lower} AND v.started_at < ${upper}
      GROUP BY 2, 3, 4, 5, 6`);

    await run(sql`
      INSERT INTO stats_calls (organisation_id, day, outcome, count)
      SELECT ${org}, ${parisDay("k.started_at")}, k.outcome, count(*)
      FROM calls k
      WHERE k.organisation_id = ${org} AND k.outcome IS NOT NULL
        AND k.started_at >= ${lower} AND k.started_at < ${upper}
      GROUP BY 2, 3`);

    await trx
      .insertInto("stats_refreshes")
      .values({ organisation_id: org, refreshed_at: now, first_day: range.from, last_day: range.to })
      .onConflict((conflict) =>
        conflict.column("organisation_id").doUpdateSet({
          refreshed_at: now,
          first_day: sql`least(stats_refreshes.first_day, excluded.first_day)`,
          last_day: sql`greatest(stats_refreshes.last_day, excluded.last_day)`,
        }),
      )
      .execute();
    return { ...range, rows };
  });
}
