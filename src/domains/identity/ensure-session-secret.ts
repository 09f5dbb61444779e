import { randomBytes } from "node:crypto";
import type { Db } from "../../shared/database.ts";

const SESSION_SECRET_KEY = "session_secret";

/**
 * The secret that signs session cookies, generated on first start and kept in the database.
 * Insert-if-absent then read back, so processes starting together all sign with the same one.
 */
export async function ensureSessionSecret(db: Db): Promise<string> {
  await db
    .insertInto("instance_settings")
    .values({ key: SESSION_SECRET_KEY, value: randomBytes(48).toString("base64url") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("instance_settings")
    .select("value")
    .where("key", "=", SESSION_SECRET_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}
