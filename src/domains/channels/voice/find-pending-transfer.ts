/**
 * After an audio stream closed, the provider asks what to do with the call: pass it to a person when
 * the flow decided to (the stream itself cannot dial), else nothing (the flow already said goodbye).
 */
import { readCallState } from "./call-state.ts";
import { findCall } from "./record-call.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

/** The transfer the flow decided, with whether the caller agreed to record it (VOICE_RECORDINGS=on). */
export async function findPendingTransferOrder(
  context: VoiceContext,
  key: CallKey,
): Promise<{ target: string; record: boolean } | null> {
  const call = await findCall(context.assistant.db, key);
  if (!call || call.endedAt || !context.transferTarget) return null;
  const state = readCallState(call.state);
  if (state?.phase !== "transferring") return null;
  return {
    target: context.transferTarget,
    record: context.recordings === true && state.recordingConsent === true,
  };
}

export async function findPendingTransfer(context: VoiceContext, key: CallKey): Promise<string | null> {
  return (await findPendingTransferOrder(context, key))?.target ?? null;
}
