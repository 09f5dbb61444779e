import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { isUuid } from "../../../shared/ids.ts";
import { inTransaction } from "./transaction.ts";

/** Revoking is final (a new key is created instead); revoking twice keeps the first date. */
export async function revokeApiKey(
  db: Db,
  input: { organisationId: string; apiKeyId: string; clock: Clock },
): Promise<void> {
  const notFound = new AppError("NOT_FOUND", {
    message: "api key not found",
    userMessage: "Cette clé d'API est introuvable.",
  });
  if (!isUuid(input.apiKeyId)) throw notFound;
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("api_keys")
      .select(["id", "revoked_at"])
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", input.apiKeyId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound;
    if (row.revoked_at !== null) return;
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
    });
  });
}
