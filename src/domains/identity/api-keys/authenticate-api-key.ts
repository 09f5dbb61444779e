import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { hashApiKey, looksLikeApiKey } from "./api-key.ts";

export type ApiCaller = { organisationId: string; apiKeyId: string };

// Writing last_used_at on every call would turn each read into a write; a minute is precise enough.
const LAST_USED_PRECISION_MS = 60_000;

export const API_KEY_REQUIRED_MESSAGE =
  "Une clé d'API est nécessaire : en-tête « Authorization: Bearer gk_… ».";
export const API_KEY_INVALID_MESSAGE = "Cette clé d'API n'est pas valide ou a été révoquée.";

function refused(message: string, userMessage: string): AppError {
  return new AppError("UNAUTHENTICATED", { message, userMessage });
}

/** The organisation a request acts for, from its `Authorization` header; UNAUTHENTICATED in French. */
export async function authenticateApiKey(
  db: Db,
  input: { authorization: string | undefined; clock: Clock },
): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(input.authorization ?? "");
  if (!match?.[1]) throw refused("api key missing", API_KEY_REQUIRED_MESSAGE);
  const key = match[1];
  if (!looksLikeApiKey(key)) throw refused("api key malformed", API_KEY_INVALID_MESSAGE);
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "organisation_id", "revoked_at", "last_used_at"])
    .where("key_hash", "=", hashApiKey(key))
    .executeTakeFirst();
  if (!row) throw refused("api key unknown", API_KEY_INVALID_MESSAGE);
  if (row.revoked_at !== null) throw refused(`api key ${row.id} revoked`, API_KEY_INVALID_MESSAGE);
  const now = input.clock.now();
  if (row.last_used_at === null || now.getTime() - row.last_used_at.getTime() >= LAST_USED_PRECISION_MS)
    await db.updateTable("api_keys").set({ last_used_at: now }).where("id", "=", row.id).execute();
  return { organisationId: row.organisation_id, apiKeyId: row.id };
}
