import { AppError } from "../../../shared/app-error.ts";
import type { Db } from "../../../shared/database.ts";
import { isUuid } from "../../../shared/ids.ts";
import type { ApiKeyInfo } from "./api-key.ts";

export const API_KEY_NOT_FOUND_MESSAGE = "Cette clé d'API est introuvable.";

export function apiKeyNotFound(): AppError {
  return new AppError("NOT_FOUND", { message: "api key not found", userMessage: API_KEY_NOT_FOUND_MESSAGE });
}

/** One key of the organisation (never its secret); NOT_FOUND for an unknown id or another organisation's. */
export async function getApiKey(
  db: Db,
  input: { organisationId: string; apiKeyId: string },
): Promise<ApiKeyInfo> {
  if (!isUuid(input.apiKeyId)) throw apiKeyNotFound();
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "organisation_id", "name", "created_at", "last_used_at", "revoked_at"])
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.apiKeyId)
    .executeTakeFirst();
  if (!row) throw apiKeyNotFound();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
