/**
 * The provider says a call is over (the caller hung up, the line dropped, the transfer finished), or
 * the call failed: its outcome and end time are written, its state emptied. Idempotent.
 *
 * A call that ends while its transfer's result is unknown (the provider reported the end before the
 * transfer's result) is not counted as answered by an agent: it is marked "transfer_unconfirmed", and a
 * late report that an agent answered corrects it (record-transfer-result.ts).
 */
import type { CallOutcome } from "../../../shared/database.ts";
import { finalOutcome } from "./call-flow.ts";
import { readCallState } from "./call-state.ts";
import { findCall, settleCall } from "./record-call.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

export const TRANSFER_UNCONFIRMED = "transfer_unconfirmed";

export async function endCall(
  context: VoiceContext,
  input: CallKey & { failed?: boolean },
): Promise<CallOutcome | null> {
  const { db, clock } = context.assistant;
  const call = await findCall(db, input);
  if (!call) return null;
  if (call.endedAt) return call.outcome;
  const state = readCallState(call.state);
  const outcome: CallOutcome = input.failed ? "failed" : state ? finalOutcome(state) : "abandoned";
  const transferring = state?.phase === "transferring" && !state.result;
  return settleCall(db, {
    organisationId: input.organisationId,
    callId: call.id,
    outcome,
    at: clock.now(),
    step: input.failed ? "failed" : transferring ? TRANSFER_UNCONFIRMED : "hangup",
  });
}
