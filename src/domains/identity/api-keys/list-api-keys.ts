import type { Db } from "../../../shared/database.ts";
import type { ApiKeyInfo } from "./api-key.ts";

export async function listApiKeys(db: Db, input: { organisationId: string }): Promise<ApiKeyInfo[]> {
  const rows = await db
    .selectFrom("api_keys")
    .select(["id", "organisation_id", "name", "created_at", "last_used_at", "revoked_at"])
    .where("organisation_id", "=", input.organisationId)
    .orderBy("created_at")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}
