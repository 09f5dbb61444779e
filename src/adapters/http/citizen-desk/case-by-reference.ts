/**
 * What an external system may read of a case it (or another channel) opened: no contact, no thread.
 * A small read query here because the cases domain has no reader by reference for a non-agent caller
 * yet; it filters on the caller's organisation like every query.
 */
import { CASE_STATUS_LABELS, type CaseChannel, type CaseStatus } from "../../../domains/cases/index.ts";
import type { Db } from "../../../shared/database.ts";

export type ApiCaseSummary = {
  reference: string;
  status: CaseStatus;
  statusLabel: string;
  channel: CaseChannel;
  subject: string;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedIntoReference: string | null;
};

export async function findCaseSummaryByReference(
  db: Db,
  input: { organisationId: string; reference: string },
): Promise<ApiCaseSummary | null> {
  const row = await db
    .selectFrom("cases as c")
    .leftJoin("cases as m", (join) =>
      join.onRef("m.id", "=", "c.merged_into_id").onRef("m.organisation_id", "=", "c.organisation_id"),
    )
    .select([
      "c.reference",
      "c.status",
      "c.channel",
      "c.subject",
      "c.opened_at",
      "c.updated_at",
      "c.resolved_at",
      "c.closed_at",
      "m.reference as merged_into_reference",
    ])
    .where("c.organisation_id", "=", input.organisationId)
    .where("c.reference", "=", input.reference.trim().toUpperCase())
    .executeTakeFirst();
  if (!row) return null;
  return {
    reference: row.reference,
    status: row.status,
    statusLabel: CASE_STATUS_LABELS[row.status],
    channel: row.channel,
    subject: row.subject,
    openedAt: row.opened_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    mergedIntoReference: row.merged_into_reference ?? null,
  };
}
