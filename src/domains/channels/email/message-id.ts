/**
 * Our Message-IDs: `<random@MAIL_DOMAIN>`. The domain lives in the database (written at start from the
 * configuration) so `enqueueEmail` keeps its two-argument signature and every process agrees on it.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../../../shared/database.ts";

const SETTING_KEY = "mail.message_id_domain";
/** Used until the start-up code records the configured domain (tests, scripts). */
export const FALLBACK_MESSAGE_ID_DOMAIN = "guichet.invalid";

export async function recordMessageIdDomain(db: Db, domain: string): Promise<void> {
  await db
    .insertInto("instance_settings")
    .values({ key: SETTING_KEY, value: domain })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: domain }))
    .execute();
}

export async function findMessageIdDomain(db: Db): Promise<string> {
  const row = await db
    .selectFrom("instance_settings")
    .select("value")
    .where("key", "=", SETTING_KEY)
    .executeTakeFirst();
  return row?.value ?? FALLBACK_MESSAGE_ID_DOMAIN;
}

export function newMessageId(domain: string): string {
  return `<${randomUUID()}@${domain}>`;
}

/** "<a@b>" → "b" (lower case); undefined when the value is not an id. */
export function messageIdDomain(messageId: string): string | undefined {
  const match = /@([^@<>\s]+)>?\s*$/.exec(messageId.trim());
  return match?.[1]?.toLowerCase();
}

/** Accepts "a@b" or "<a@b>", returns the bracketed form; undefined for anything else. */
export function normaliseMessageId(value: string): string | undefined {
  const bare = value.trim().replace(/^<|>$/g, "");
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(bare)) return undefined;
  return `<${bare}>`;
}
