import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { isUuid } from "../../../shared/ids.ts";
import { apiKeyNotFound } from "./get-api-key.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Revoking is final (a new key is created instead); revoking twice keeps the first date and
 * says so (`revoked: false`). Another organisation's key is NOT_FOUND.
 */
export async function revokeApiKey(
  db: Db,
  input: { organisationId: string; apiKeyId: string; clock: Clock; actorId?: string | null },
): Promise<{ id: string; name: string; revoked: boolean }> {
  if (!isUuid(input.apiKeyId)) throw apiKeyNotFound();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("api_keys")
      .select(["id", "name", "revoked_at"])
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", input.apiKeyId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw apiKeyNotFound();
    if (row.revoked_at !== null) return { id: row.id, name: row.name, revoked: false };
    await trx
      .updateTable("api_keys")
      .set({ revoked_at: input.clock.now() })
      .where("id", "=", row.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "api_key",
      entityId: row.id,
      action: "revoked",
      actorId: input.actorId ?? null,
    });
    return { id: row.id, name: row.name, revoked: true };
  });
}
