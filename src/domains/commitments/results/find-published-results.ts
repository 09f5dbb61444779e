import type { Db } from "../../../shared/database.ts";
import type { ResultsPeriod } from "./results-period.ts";
import {
  PUBLICATION_COLUMNS,
  type ResultsPublication,
  selectPublication,
  toPublication,
} from "./results-publications.repo.ts";

/**
 * What the public sees: one published snapshot, the given one or the latest period's; null when it is
 * not published (a draft or withdrawn results are never public) or there is none.
 */
export async function findPublishedResults(
  db: Db,
  input: { organisationId: string; publicationId?: string | undefined },
): Promise<ResultsPublication | null> {
  if (input.publicationId !== undefined) {
    const found = await selectPublication(db, input.organisationId, input.publicationId);
    return found?.status === "published" ? found : null;
  }
  const row = await db
    .selectFrom("results_publications")
    .select(PUBLICATION_COLUMNS)
    .where("organisation_id", "=", input.organisationId)
    .where("status", "=", "published")
    .orderBy("period_to", "desc")
    .orderBy("period_from", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toPublication(row) : null;
}

export type PublishedPeriod = { id: string; period: ResultsPeriod; publishedAt: Date };

/** Every published period, latest first: the public period picker. */
export async function listPublishedPeriods(
  db: Db,
  input: { organisationId: string },
): Promise<PublishedPeriod[]> {
  const rows = await db
    .selectFrom("results_publications")
    .select(["id", "period_from", "period_to", "published_at"])
    .where("organisation_id", "=", input.organisationId)
    .where("status", "=", "published")
    .orderBy("period_to", "desc")
    .orderBy("period_from", "desc")
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    period: { from: row.period_from, to: row.period_to },
    publishedAt: row.published_at as Date,
  }));
}
