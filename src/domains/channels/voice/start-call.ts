/**
 * A call comes in: the call row, a conversation with the assistant (channel "phone"), the keypad menu
 * built from the knowledge, and the greeting. A provider that sends the start twice gets the greeting
 * again on the same call.
 */
import { performance } from "node:perf_hooks";
import type { CallOutcome } from "../../../shared/database.ts";
import { startConversation } from "../../assistant/index.ts";
import { callFacts } from "./call-facts.ts";
import type { CallNext } from "./call-flow.ts";
import { newCallState, readCallState } from "./call-state.ts";
import { buildTopMenu } from "./keypad-menu.ts";
import { findCall, insertCall, saveCallTurn } from "./record-call.ts";
import { runCallStep } from "./run-call-step.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

export type CallResponse = {
  callId: string;
  /** What to say, in order (French, written for the ear). */
  say: string[];
  next: CallNext;
  /** Set when the call is settled by this turn. */
  outcome?: CallOutcome | undefined;
};

export async function startCall(
  context: VoiceContext,
  input: CallKey & { callerNumber: string | null; speech: boolean },
): Promise<CallResponse> {
  const began = performance.now();
  const { db, clock } = context.assistant;
  let call = await findCall(db, input);
  if (!call) {
    const [menu, conversation] = await Promise.all([
      buildTopMenu({ db, passages: context.assistant.passages }, input.organisationId),
      startConversation(context.assistant, { organisationId: input.organisationId, channel: "phone" }),
    ]);
    ({ call } = await insertCall(db, {
      ...input,
      conversationId: conversation.id,
      state: newCallState(menu),
      at: clock.now(),
    }));
  }
  const state = readCallState(call.state);
  if (call.endedAt || !state) return { callId: call.id, say: [], next: { type: "hangup" } };
  const facts = await callFacts(context, input);
  const turn = await runCallStep(context, call, { state, event: { type: "start" }, facts });
  await saveCallTurn(db, {
    organisationId: input.organisationId,
    callId: call.id,
    state: turn.state,
    path: turn.path,
    turnMs: performance.now() - began,
    at: clock.now(),
    firstAudio: call.answeredAt === null,
  });
  return { callId: call.id, say: turn.say, next: turn.next };
}
