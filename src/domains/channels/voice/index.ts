/** The voice channel: calls answered by the assistant, on the keypad or by voice (see call-flow.ts). */
export {
  type CallEvent,
  type CallFacts,
  type CallNext,
  finalOutcome,
  type PathEntry,
  stepCall,
} from "./call-flow.ts";
export { prompts } from "./call-prompts.ts";
export { MAX_CALL_INPUTS } from "./call-state.ts";
export { callNotFound, continueCall } from "./continue-call.ts";
export { endCall, TRANSFER_UNCONFIRMED } from "./end-call.ts";
export { findPendingTransfer, findPendingTransferOrder } from "./find-pending-transfer.ts";
export { forgetCallerHashes } from "./forget-caller-hashes.ts";
export { buildTopMenu, MAX_MENU_ITEMS } from "./keypad-menu.ts";
export { internationalFrenchNumber, isFrenchMobile, nationalNumber } from "./phone-numbers.ts";
export { purgeExpiredRecordings } from "./purge-expired-recordings.ts";
export { callerHash, MAX_PATH_ENTRIES } from "./record-call.ts";
export { recordTransferAnswered } from "./record-transfer-result.ts";
export { STALE_CALL_MS, settleStaleCalls } from "./settle-stale-calls.ts";
export type { SmsFailure, SmsResult, SmsSender } from "./sms-sender.port.ts";
export { forTheEar, speakReply, spokenKey } from "./speak-text.ts";
export type { SpeechToText } from "./speech-to-text.port.ts";
export { type CallResponse, startCall } from "./start-call.ts";
export { type StoredRecording, storeCallRecording } from "./store-call-recording.ts";
export { type TextToSpeech, VOICE_SAMPLE_RATE } from "./text-to-speech.port.ts";
export type { CallKey, VoiceContext } from "./voice-context.ts";
