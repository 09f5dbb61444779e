/**
 * One input of a call (keys, words heard, a silence, a failed transfer): the flow's next step, written
 * on the call row with its timing. A call that ends with this step is settled at once.
 */
import { performance } from "node:perf_hooks";
import { AppError } from "../../../shared/app-error.ts";
import { callFacts } from "./call-facts.ts";
import type { CallEvent } from "./call-flow.ts";
import { readCallState } from "./call-state.ts";
import { findCall, saveCallTurn, settleCall } from "./record-call.ts";
import { runCallStep } from "./run-call-step.ts";
import type { CallResponse } from "./start-call.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

export function callNotFound(): AppError {
  return new AppError("NOT_FOUND", { message: "unknown call", userMessage: "Cet appel est inconnu." });
}

export async function continueCall(
  context: VoiceContext,
  input: CallKey & { callerNumber: string | null; speech: boolean; event: CallEvent },
): Promise<CallResponse> {
  const began = performance.now();
  const { db, clock } = context.assistant;
  const call = await findCall(db, input);
  if (!call) throw callNotFound();
  if (call.endedAt) return { callId: call.id, say: [], next: { type: "hangup" } };
  const state = readCallState(call.state);
  if (!state) {
    await settleCall(db, {
      organisationId: input.organisationId,
      callId: call.id,
      outcome: "failed",
      at: clock.now(),
      step: "bad_state",
    });
    return { callId: call.id, say: [], next: { type: "hangup" }, outcome: "failed" };
  }
  const facts = await callFacts(context, input);
  const turn = await runCallStep(context, call, { state, event: input.event, facts });
  await saveCallTurn(db, {
    organisationId: input.organisationId,
    callId: call.id,
    state: turn.state,
    path: turn.path,
    turnMs: performance.now() - began,
    at: clock.now(),
    caseId: turn.caseId ?? null,
  });
  if (turn.next.type === "hangup" && turn.outcome)
    await settleCall(db, {
      organisationId: input.organisationId,
      callId: call.id,
      outcome: turn.outcome,
      at: clock.now(),
    });
  return { callId: call.id, say: turn.say, next: turn.next, outcome: turn.outcome };
}
