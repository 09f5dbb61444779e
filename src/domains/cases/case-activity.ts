import { sql } from "kysely";
import type { Db } from "../../shared/database.ts";

/** PostgreSQL channel on which every case change is announced (ids only), for live inboxes. */
export const CASE_ACTIVITY_CHANNEL = "guichet_case_activity";

export type CaseActivity = {
  organisationId: string;
  caseId: string;
  kind: "opened" | "message" | "updated";
};

/**
 * NOTIFY inside the transaction: PostgreSQL delivers it only on commit, to every process that LISTENs,
 * so several app processes sharing one database all hear it (and a rollback announces nothing).
 */
export async function notifyCaseActivity(db: Db, activity: CaseActivity): Promise<void> {
  await sql`SELECT pg_notify(${CASE_ACTIVITY_CHANNEL}, ${JSON.stringify(activity)})`.execute(db);
}
