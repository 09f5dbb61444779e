import type { Db } from "../../shared/database.ts";
import type { ServiceCommitment } from "./commitment.ts";
import { COMMITMENT_COLUMNS, toCommitment } from "./commitments.repo.ts";

/** Active ones first, then by label. */
export async function listCommitments(
  db: Db,
  input: { organisationId: string },
): Promise<ServiceCommitment[]> {
  const rows = await db
    .selectFrom("service_commitments")
    .select(COMMITMENT_COLUMNS)
    .where("organisation_id", "=", input.organisationId)
    .orderBy("active", "desc")
    .orderBy("label")
    .orderBy("id")
    .execute();
  return rows.map(toCommitment);
}
