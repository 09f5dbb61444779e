/**
 * The calls of one citizen, for their request about their data (cases/citizen-data.ts): the calls
 * that left one of their cases (a call-back), and — when they give their phone number — the calls
 * whose caller pseudonym is that number's (the same salted hash the calls store, record-call.ts).
 * Erasing them clears the pseudonym and the recording's reference; the call's times, path (keys and
 * page ids, never words or numbers) and outcome stay for the results.
 */
import type { CallOutcome, CallProvider, Db } from "../../../shared/database.ts";
import { callerHash } from "./record-call.ts";

export type CitizenCall = {
  id: string;
  provider: CallProvider;
  startedAt: Date;
  endedAt: Date | null;
  outcome: CallOutcome | null;
  caseId: string | null;
  path: Record<string, unknown>[];
  recordingConsent: boolean | null;
  /** The provider's reference to a recording: the audio itself is at the provider. */
  recordingRef: string | null;
  recordedAt: Date | null;
};

type Who = { organisationId: string; phone: string | null; caseIds: readonly string[] };

function whereCitizen(who: Who) {
  const hash = who.phone ? callerHash(who.organisationId, who.phone) : null;
  const ids = [...who.caseIds];
  return { hash, ids, none: hash === null && ids.length === 0 };
}

export async function listCitizenCalls(db: Db, who: Who): Promise<CitizenCall[]> {
  const { hash, ids, none } = whereCitizen(who);
  if (none) return [];
  const rows = await db
    .selectFrom("calls")
    .select([
      "id",
      "provider",
      "started_at",
      "ended_at",
      "outcome",
      "case_id",
      "path",
      "recording_consent",
      "recording_ref",
      "recorded_at",
    ])
    .where("organisation_id", "=", who.organisationId)
    .where((eb) =>
      eb.or([
        ...(hash ? [eb("caller_hash", "=", hash)] : []),
        ...(ids.length > 0 ? [eb("case_id", "in", ids)] : []),
      ]),
    )
    .orderBy("started_at")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    caseId: row.case_id,
    path: row.path,
    recordingConsent: row.recording_consent,
    recordingRef: row.recording_ref,
    recordedAt: row.recorded_at,
  }));
}

/**
 * Clears the pseudonym and the recording reference of the citizen's calls. Returns how many calls and
 * the references cleared: the operator deletes those recordings at the provider.
 */
export async function forgetCitizenCalls(db: Db, who: Who): Promise<{ calls: number; recordings: string[] }> {
  const { hash, ids, none } = whereCitizen(who);
  if (none) return { calls: 0, recordings: [] };
  const rows = await db
    .updateTable("calls")
    .set({ caller_hash: null, recording_ref: null })
    .from(
      db
        .selectFrom("calls")
        .select(["id as old_id", "recording_ref as old_ref"])
        .where("organisation_id", "=", who.organisationId)
        .where((eb) =>
          eb.or([
            ...(hash ? [eb("caller_hash", "=", hash)] : []),
            ...(ids.length > 0 ? [eb("case_id", "in", ids)] : []),
          ]),
        )
        .as("old"),
    )
    .whereRef("calls.id", "=", "old.old_id")
    .returning(["old.old_ref"])
    .execute();
  return {
    calls: rows.length,
    recordings: rows.flatMap((row) => (row.old_ref ? [row.old_ref] : [])),
  };
}
