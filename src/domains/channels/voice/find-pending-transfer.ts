/**
 * After an audio stream closed, the provider asks what to do with the call: pass it to a person when
 * the flow decided to (the stream itself cannot dial), else nothing (the flow already said goodbye).
 */
import { readCallState } from "./call-state.ts";
import { findCall } from "./record-call.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

export async function findPendingTransfer(context: VoiceContext, key: CallKey): Promise<string | null> {
  const call = await findCall(context.assistant.db, key);
  if (!call || call.endedAt || !context.transferTarget) return null;
  return readCallState(call.state)?.phase === "transferring" ? context.transferTarget : null;
}
