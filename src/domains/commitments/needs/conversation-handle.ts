/**
 * A conversation's id is the citizen's only key to it (whoever holds it can read and write in it), so
 * the back office never shows it: pages, links, logs and the audit trail name a conversation by a
 * handle, the MD5 of its id — stable, unguessable, and useless to talk as the citizen.
 */
import { sql } from "kysely";

const HANDLE = /^[0-9a-f]{32}$/;

export function isConversationHandle(value: string): boolean {
  return HANDLE.test(value);
}

/** The handle of `conversations.id`, computed by the database (same on PGlite and PostgreSQL). */
export const handleOfConversation = sql<string>`md5(conversations.id)`;
