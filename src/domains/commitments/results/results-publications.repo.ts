/** Queries of the published results; every one is scoped by organisation. */
import type { Selectable } from "kysely";
import { AppError } from "../../../shared/app-error.ts";
import type { Db, ResultsPublicationStatus, ResultsPublicationsTable } from "../../../shared/database.ts";
import { isUuid } from "../../../shared/ids.ts";
import type { ResultsPeriod } from "./results-period.ts";
import { isResultsSnapshot, type ResultsSnapshot } from "./results-snapshot.ts";

export type ResultsPublication = {
  id: string;
  organisationId: string;
  period: ResultsPeriod;
  status: ResultsPublicationStatus;
  snapshot: ResultsSnapshot;
  createdAt: Date;
  createdBy: string | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
};

export const PUBLICATION_COLUMNS = [
  "id",
  "organisation_id",
  "period_from",
  "period_to",
  "status",
  "snapshot",
  "created_at",
  "created_by",
  "published_at",
  "published_by",
  "withdrawn_at",
  "withdrawn_by",
] as const;

export const EVENT_ENTITY = "results_publication";

export function toPublication(row: Selectable<ResultsPublicationsTable>): ResultsPublication {
  const snapshot = typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot;
  if (!isResultsSnapshot(snapshot))
    throw new AppError("INTERNAL", {
      message: `stored results snapshot ${row.id} does not match its schema`,
    });
  return {
    id: row.id,
    organisationId: row.organisation_id,
    period: { from: row.period_from, to: row.period_to },
    status: row.status,
    snapshot,
    createdAt: row.created_at,
    createdBy: row.created_by,
    publishedAt: row.published_at,
    withdrawnAt: row.withdrawn_at,
  };
}

export function publicationNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "results publication not found",
    userMessage: "Ces résultats sont introuvables : ils ont peut-être été retirés.",
  });
}

export async function selectPublication(
  db: Db,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ResultsPublication | null> {
  if (!isUuid(id)) return null;
  let query = db
    .selectFrom("results_publications")
    .select(PUBLICATION_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toPublication(row) : null;
}
