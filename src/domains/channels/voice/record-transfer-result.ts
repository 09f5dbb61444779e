/**
 * The provider reports that an agent answered a transfer (Twilio: the <Dial> action with an answered
 * status): only now does the call count as "transferred", i.e. answered by an agent. A transfer nobody
 * answered is reported as `transfer_failed` to the flow instead (call-back offered).
 *
 * When the provider reported the end of the call first, the call was settled without an agent
 * ("transfer_unconfirmed", end-call.ts); this late report corrects its outcome.
 */
import { sql } from "kysely";
import type { CallOutcome } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { readCallState } from "./call-state.ts";
import { endCall, TRANSFER_UNCONFIRMED } from "./end-call.ts";
import { findCall, MAX_PATH_ENTRIES, settleCall } from "./record-call.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

export async function recordTransferAnswered(
  context: VoiceContext,
  key: CallKey,
): Promise<CallOutcome | null> {
  const { db, clock } = context.assistant;
  const call = await findCall(db, key);
  if (!call) return null;
  if (!call.endedAt) {
    // Only a call the flow passed to a person: any other call ends as the flow left it.
    if (readCallState(call.state)?.phase !== "transferring") return endCall(context, key);
    return settleCall(db, {
      organisationId: key.organisationId,
      callId: call.id,
      outcome: "transferred",
      at: clock.now(),
      step: "transfer_answered",
    });
  }
  const corrected = await db
    .updateTable("calls")
    .set({
      outcome: "transferred",
      path: sql`CASE WHEN jsonb_array_length(path) < ${MAX_PATH_ENTRIES}
        THEN path || ${JSON.stringify([{ step: "transfer_answered" }])}::jsonb ELSE path END`,
    })
    .where("organisation_id", "=", key.organisationId)
    .where("id", "=", call.id)
    .where(sql<string>`path -> -1 ->> 'step'`, "=", TRANSFER_UNCONFIRMED)
    .returning("outcome")
    .executeTakeFirst();
  if (!corrected) return call.outcome;
  await recordEvent(db, {
    organisationId: key.organisationId,
    entityType: "call",
    entityId: call.id,
    action: "call.transfer_confirmed",
    data: { outcome: "transferred", was: call.outcome },
  });
  return "transferred";
}
