import type { Db } from "../../shared/database.ts";
import { CASE_COLUMNS, toCase } from "./cases.repo.ts";
import { type PublicCaseView, publicCaseView } from "./public-case-view.ts";
import { hashTrackingToken, looksLikeTrackingToken } from "./tracking-token.ts";

/**
 * The citizen's tracking page. The token is hashed and the hash looked up (the stored value is never
 * compared with the token itself); null for a forged, truncated or other organisation's token.
 */
export async function findCaseByTrackingToken(
  db: Db,
  input: { organisationId: string; token: string },
): Promise<PublicCaseView | null> {
  if (!looksLikeTrackingToken(input.token)) return null;
  const row = await db
    .selectFrom("cases")
    .select(CASE_COLUMNS)
    .where("organisation_id", "=", input.organisationId)
    .where("tracking_token_hash", "=", hashTrackingToken(input.token))
    .executeTakeFirst();
  return row ? publicCaseView(db, toCase(row)) : null;
}
