/** The commitments domain's queries; every one is scoped by organisation. */
import type { Selectable } from "kysely";
import type { Db, ServiceCommitmentsTable } from "../../shared/database.ts";
import type { CommitmentChannel, ServiceCommitment } from "./commitment.ts";

export const COMMITMENT_COLUMNS = [
  "id",
  "organisation_id",
  "label",
  "measure",
  "channel",
  "topic",
  "delay_unit",
  "delay_amount",
  "target_share",
  "active",
  "created_at",
  "updated_at",
] as const;

export function toCommitment(row: Selectable<ServiceCommitmentsTable>): ServiceCommitment {
  const base = {
    id: row.id,
    organisationId: row.organisation_id,
    label: row.label,
    targetShare: Number(row.target_share),
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  // The database checks that a case commitment has its delay and a calls one none (migration 0020).
  if (row.measure === "agent_answer" || row.delay_unit === null || row.delay_amount === null)
    return { ...base, measure: "agent_answer", channel: "phone", topic: null, delay: null };
  return {
    ...base,
    measure: row.measure,
    channel: row.channel as CommitmentChannel | null,
    topic: row.topic,
    delay: { unit: row.delay_unit, amount: row.delay_amount },
  };
}

export async function selectCommitment(
  db: Db,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ServiceCommitment | null> {
  let query = db
    .selectFrom("service_commitments")
    .select(COMMITMENT_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toCommitment(row) : null;
}
