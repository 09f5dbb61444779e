import type { Db, ResultsPublicationStatus } from "../../../shared/database.ts";
import type { ResultsPeriod } from "./results-period.ts";
import {
  publicationNotFound,
  type ResultsPublication,
  selectPublication,
} from "./results-publications.repo.ts";

export type PublicationSummary = {
  id: string;
  period: ResultsPeriod;
  status: ResultsPublicationStatus;
  createdAt: Date;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
};

/** The back office's list: drafts, published and withdrawn results, latest first. */
export async function listResultsPublications(
  db: Db,
  input: { organisationId: string; limit?: number },
): Promise<PublicationSummary[]> {
  const rows = await db
    .selectFrom("results_publications")
    .select(["id", "period_from", "period_to", "status", "created_at", "published_at", "withdrawn_at"])
    .where("organisation_id", "=", input.organisationId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(input.limit ?? 100)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    period: { from: row.period_from, to: row.period_to },
    status: row.status,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    withdrawnAt: row.withdrawn_at,
  }));
}

/** Any status, for the back office's preview; throws NOT_FOUND. */
export async function getResultsPublication(
  db: Db,
  input: { organisationId: string; publicationId: string },
): Promise<ResultsPublication> {
  const found = await selectPublication(db, input.organisationId, input.publicationId);
  if (!found) throw publicationNotFound();
  return found;
}
