/**
 * The provider reports a recording of a call (the agent's part, recorded only with the caller's
 * consent): the call row keeps the provider's reference to it — its URL or id — never the audio, until
 * the retention purge (purge-expired-recordings.ts) clears it.
 */
import { recordEvent } from "../../../shared/events.ts";
import { findCall } from "./record-call.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

export type StoredRecording =
  | { stored: true; callId: string; consent: boolean | null }
  | { stored: false; reason: "unknown_call" };

export async function storeCallRecording(
  context: VoiceContext,
  input: CallKey & { reference: string },
): Promise<StoredRecording> {
  const { db, clock } = context.assistant;
  const call = await findCall(db, input);
  if (!call) return { stored: false, reason: "unknown_call" };
  const row = await db
    .updateTable("calls")
    .set({ recording_ref: input.reference.slice(0, 500), recorded_at: clock.now() })
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", call.id)
    .returning("recording_consent")
    .executeTakeFirstOrThrow();
  // Kept even without consent (a provider configured to record everything): the purge still applies,
  // and the event tells the operator to look.
  await recordEvent(db, {
    organisationId: input.organisationId,
    entityType: "call",
    entityId: call.id,
    action: "call.recorded",
    data: { consent: row.recording_consent },
    at: clock.now(),
  });
  return { stored: true, callId: call.id, consent: row.recording_consent };
}
