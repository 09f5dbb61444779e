import type { Db } from "../../shared/database.ts";

const MAX_REFERENCES = 20;

/**
 * Threading headers for a mail about a case: In-Reply-To the citizen's latest e-mail (else our latest),
 * References every id of the case, oldest first (capped, keeping the first and the latest ones).
 */
export async function caseEmailThread(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<{ inReplyTo?: string; references?: string[] }> {
  const ids = await db
    .selectFrom("case_email_ids")
    .select(["message_id", "direction"])
    .where("organisation_id", "=", organisationId)
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
  if (ids.length === 0) return {};
  const lastIn = ids.filter((id) => id.direction === "in").at(-1);
  const inReplyTo = (lastIn ?? ids.at(-1))?.message_id;
  const all = ids.map((id) => id.message_id);
  const references = all.length <= MAX_REFERENCES ? all : [all[0]!, ...all.slice(-(MAX_REFERENCES - 1))];
  return { ...(inReplyTo ? { inReplyTo } : {}), references };
}
