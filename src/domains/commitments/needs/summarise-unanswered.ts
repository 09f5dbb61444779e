/**
 * The questions the assistant could not answer in a period (nothing matched, or the citizen said the
 * answer did not help): how many, how many editors have not dealt with yet, and the most asked needs,
 * grouped as on the editors' page (/admin/questions-sans-reponse).
 */
import { sql } from "kysely";
import type { Db } from "../../../shared/database.ts";
import { groupQuestions, type UnansweredGroup } from "../../assistant/index.ts";
import type { StatsPeriod } from "../statistics/activity-figures.ts";

export type UnansweredSummary = {
  total: number;
  open: number;
  /** The most asked needs of the period, most asked first. */
  groups: UnansweredGroup[];
};

const TOP_GROUPS = 5;
/** Grouping reads the most recent questions only: enough to find the needs that matter. */
const READ_LIMIT = 2_000;

export async function summariseUnanswered(
  db: Db,
  input: { organisationId: string; period: StatsPeriod },
): Promise<UnansweredSummary> {
  const lower = sql<Date>`(${input.period.from}::date)::timestamp AT TIME ZONE 'Europe/Paris'`;
  const upper = sql<Date>`((${input.period.to}::date) + 1)::timestamp AT TIME ZONE 'Europe/Paris'`;
  const inPeriod = db
    .selectFrom("unanswered_questions")
    .where("organisation_id", "=", input.organisationId)
    .where("created_at", ">=", lower)
    .where("created_at", "<", upper);
  const [counts, rows] = await Promise.all([
    inPeriod
      .select([
        sql<number>`count(*)::int`.as("total"),
        sql<number>`(count(*) FILTER (WHERE handled_at IS NULL))::int`.as("open"),
      ])
      .executeTakeFirstOrThrow(),
    inPeriod
      .select(["id", "question", "terms", "reason", "created_at"])
      .orderBy("created_at", "desc")
      .limit(READ_LIMIT)
      .execute(),
  ]);
  const groups = groupQuestions(rows.map((row) => ({ ...row, createdAt: row.created_at })));
  return { total: counts.total, open: counts.open, groups: groups.slice(0, TOP_GROUPS) };
}
