/**
 * The call rows: one per call, written as the call goes (state between events, path, turn timings)
 * and settled when it ends (outcome, end time, state emptied). Every query is scoped by organisation.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { CallOutcome, CallProvider, Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { newId } from "../../../shared/ids.ts";
import type { PathEntry } from "./call-flow.ts";
import type { CallState } from "./call-state.ts";
import { nationalNumber } from "./phone-numbers.ts";

/** Entries kept on a call's path: a flood of digits does not grow the row without bound. */
export const MAX_PATH_ENTRIES = 200;

export type CallRow = {
  id: string;
  organisationId: string;
  provider: CallProvider;
  providerCallId: string;
  state: unknown;
  conversationId: string | null;
  caseId: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  outcome: CallOutcome | null;
};

/**
 * SHA-256 of the organisation and the number's digits: the same caller gives the same hash (repeat
 * calls can be counted), the row holds no number. A pseudonym, not an anonymisation: a phone number has
 * few enough values to be found again from its hash, so the hash follows the calls' retention.
 */
export function callerHash(organisationId: string, number: string | null): string | null {
  const national = number === null ? "" : nationalNumber(number);
  if (national.length < 4) return null;
  return createHash("sha256").update(`${organisationId}:${national}`).digest("hex");
}

const COLUMNS = [
  "id",
  "organisation_id",
  "provider",
  "provider_call_id",
  "state",
  "conversation_id",
  "case_id",
  "started_at",
  "answered_at",
  "ended_at",
  "outcome",
] as const;

type Selected = {
  id: string;
  organisation_id: string;
  provider: CallProvider;
  provider_call_id: string;
  state: Record<string, unknown>;
  conversation_id: string | null;
  case_id: string | null;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  outcome: CallOutcome | null;
};

function toRow(row: Selected): CallRow {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    provider: row.provider,
    providerCallId: row.provider_call_id,
    state: row.state,
    conversationId: row.conversation_id,
    caseId: row.case_id,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
  };
}

/** Inserts the call, or returns the existing one when the provider sends its start twice. */
export async function insertCall(
  db: Db,
  input: {
    organisationId: string;
    provider: CallProvider;
    providerCallId: string;
    callerNumber: string | null;
    conversationId: string | null;
    state: CallState;
    at: Date;
  },
): Promise<{ call: CallRow; created: boolean }> {
  const id = newId();
  const inserted = await db
    .insertInto("calls")
    .values({
      id,
      organisation_id: input.organisationId,
      provider: input.provider,
      provider_call_id: input.providerCallId,
      caller_hash: callerHash(input.organisationId, input.callerNumber),
      started_at: input.at,
      state: JSON.stringify(input.state),
      conversation_id: input.conversationId,
    })
    .onConflict((conflict) =>
      conflict.columns(["organisation_id", "provider", "provider_call_id"]).doNothing(),
    )
    .returning(COLUMNS)
    .executeTakeFirst();
  if (inserted) {
    await recordEvent(db, {
      organisationId: input.organisationId,
      entityType: "call",
      entityId: id,
      action: "call.started",
      data: { provider: input.provider },
    });
    return { call: toRow(inserted as Selected), created: true };
  }
  const existing = await findCall(db, input);
  if (!existing) throw new Error("call vanished between insert and select");
  return { call: existing, created: false };
}

export async function findCall(
  db: Db,
  input: { organisationId: string; provider: CallProvider; providerCallId: string; forUpdate?: boolean },
): Promise<CallRow | null> {
  let query = db
    .selectFrom("calls")
    .select(COLUMNS)
    .where("organisation_id", "=", input.organisationId)
    .where("provider", "=", input.provider)
    .where("provider_call_id", "=", input.providerCallId);
  if (input.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toRow(row as Selected) : null;
}

/** Writes one turn: the new state, the path steps, the timing; and the outcome when the call settles. */
export async function saveCallTurn(
  db: Db,
  input: {
    organisationId: string;
    callId: string;
    state: CallState;
    path: PathEntry[];
    turnMs: number;
    at: Date;
    /** The first audio of the call (its greeting) goes out with this turn. */
    firstAudio?: boolean;
    caseId?: string | null;
  },
): Promise<void> {
  const ms = Math.max(0, Math.min(Math.round(input.turnMs), 2_000_000_000));
  const stamped = input.path;
  await db
    .updateTable("calls")
    .set((eb) => ({
      state: JSON.stringify(input.state),
      path: sql`CASE WHEN jsonb_array_length(path) + ${stamped.length} <= ${MAX_PATH_ENTRIES}
        THEN path || ${JSON.stringify(stamped)}::jsonb ELSE path END`,
      turns: eb("turns", "+", 1),
      turn_ms_total: eb("turn_ms_total", "+", ms),
      turn_ms_max: sql`greatest(turn_ms_max, ${ms})`,
      ...(input.firstAudio ? { answered_at: input.at, first_audio_ms: ms } : {}),
      ...(input.caseId ? { case_id: input.caseId } : {}),
      ...(input.state.recordingConsent !== undefined
        ? { recording_consent: input.state.recordingConsent }
        : {}),
    }))
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.callId)
    .execute();
}

/**
 * Settles a call that ended (the caller hung up, the provider reported the end, or the call failed):
 * outcome kept if already set (a transfer), end time, state emptied. Idempotent; returns the outcome.
 */
export async function settleCall(
  db: Db,
  input: {
    organisationId: string;
    callId: string;
    outcome: CallOutcome;
    at: Date;
    /** A last path step ("hangup", "failed"), when the flow itself did not write one. */
    step?: string;
  },
): Promise<CallOutcome> {
  const row = await db
    .updateTable("calls")
    .set({
      outcome: sql`coalesce(outcome, ${input.outcome})`,
      ended_at: sql`coalesce(ended_at, ${input.at})`,
      state: "{}",
      ...(input.step
        ? {
            path: sql`CASE WHEN jsonb_array_length(path) < ${MAX_PATH_ENTRIES}
              THEN path || ${JSON.stringify([{ step: input.step }])}::jsonb ELSE path END`,
          }
        : {}),
    })
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.callId)
    .where("ended_at", "is", null)
    .returning(["outcome"])
    .executeTakeFirst();
  if (row?.outcome) {
    await recordEvent(db, {
      organisationId: input.organisationId,
      entityType: "call",
      entityId: input.callId,
      action: "call.ended",
      data: { outcome: row.outcome },
    });
    return row.outcome;
  }
  const current = await db
    .selectFrom("calls")
    .select("outcome")
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.callId)
    .executeTakeFirst();
  return current?.outcome ?? input.outcome;
}
