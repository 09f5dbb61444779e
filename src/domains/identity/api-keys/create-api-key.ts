import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { newId } from "../../../shared/ids.ts";
import { collapseWhitespace, stripControlCharacters } from "../../../shared/text.ts";
import { newApiKey } from "./api-key.ts";
import { inTransaction } from "./transaction.ts";

const MAX_NAME_LENGTH = 100;

export const API_KEY_NAME_MESSAGE = `Donnez à la clé un nom de 1 à ${MAX_NAME_LENGTH} caractères (le système qui l'utilise).`;

/**
 * Creates a key for an external system; the key is returned here only, never again.
 * `actorId`: the administrator who created it (none from the command line).
 */
export async function createApiKey(
  db: Db,
  input: { organisationId: string; name: string; clock: Clock; actorId?: string | null },
): Promise<{ id: string; key: string; name: string }> {
  const name = collapseWhitespace(stripControlCharacters(input.name ?? ""));
  if (name === "" || name.length > MAX_NAME_LENGTH)
    throw new AppError("BAD_REQUEST", {
      message: "invalid api key name",
      userMessage: API_KEY_NAME_MESSAGE,
      details: { field: "name" },
    });
  const id = newId();
  const { key, hash } = newApiKey();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("api_keys")
      .values({
        id,
        organisation_id: input.organisationId,
        name,
        key_hash: hash,
        created_at: input.clock.now(),
      })
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "api_key",
      entityId: id,
      action: "created",
      actorId: input.actorId ?? null,
    });
  });
  return { id, key, name };
}
