/**
 * Twilio-style voice webhooks (the format several telephony providers share): the provider posts each
 * event of a call as a form, and reads back TwiML — what to say, then gather keys or speech, pass the
 * call to a person, or hang up. The provider recognises speech itself (<Gather input="dtmf speech">).
 *
 *   POST /voice/twilio/incoming   a call arrives (the number's "A call comes in" webhook)
 *   POST /voice/twilio/gather     keys typed, words heard, or nothing (the <Gather> action)
 *   POST /voice/twilio/dial       the transfer ended (the <Dial> action)
 *   POST /voice/twilio/status     the call ended (the number's status callback)
 *   POST /voice/twilio/recording  a transfer was recorded (VOICE_RECORDINGS=on, the caller agreed):
 *                                 only the provider's reference to the audio is kept
 *
 * Every request must carry a valid X-Twilio-Signature when VOICE_TWILIO_AUTH_TOKEN is set; without it,
 * unsigned requests are accepted outside production only, with a warning.
 */
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type CallEvent,
  type CallResponse,
  continueCall,
  endCall,
  recordTransferAnswered,
  startCall,
  storeCallRecording,
} from "../../../domains/channels/voice/index.ts";
import { isAppError } from "../../../shared/app-error.ts";
import { renderTwiml, renderTwimlError } from "../../voice/twiml.ts";
import type { AppDeps } from "../deps.ts";
import {
  CallSidSchema,
  callerNumberOf,
  createTwilioRequestCheck,
  sendTwiml,
  twilioCallKey,
  VOICE_MESSAGES,
  VOICE_PREFIX,
  voiceContextOf,
} from "./voice-twilio-request.ts";

const PREFIX = VOICE_PREFIX;
const CallSid = CallSidSchema;
const Short = Type.String({ maxLength: 64 });

const IncomingBody = Type.Object({ CallSid, From: Type.Optional(Short) });
const GatherBody = Type.Object({
  CallSid,
  From: Type.Optional(Short),
  // Keys only, and not a flood: a menu takes one key, a phone number fifteen.
  Digits: Type.Optional(Type.String({ pattern: "^[0-9*#]{0,20}$" })),
  SpeechResult: Type.Optional(Type.String({ maxLength: 2000 })),
});
const DialBody = Type.Object({ CallSid, From: Type.Optional(Short), DialCallStatus: Type.Optional(Short) });
const StatusBody = Type.Object({ CallSid, CallStatus: Type.Optional(Short) });
const RecordingBody = Type.Object({
  CallSid,
  RecordingSid: Type.Optional(Type.String({ pattern: "^RE[0-9a-fA-F]{32}$" })),
  RecordingUrl: Type.Optional(Type.String({ pattern: "^https?://[^\\s]+$", maxLength: 500 })),
  RecordingStatus: Type.Optional(Short),
});
const MESSAGES = VOICE_MESSAGES;
const FAILED_DIAL = new Set(["busy", "no-answer", "failed", "canceled"]);

export async function registerVoiceTwilioRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const context = voiceContextOf(deps);
  const urls = { gather: `${PREFIX}/gather`, dial: `${PREFIX}/dial`, recording: `${PREFIX}/recording` };
  const check = createTwilioRequestCheck(deps);
  const keyOf = (callSid: string) => twilioCallKey(deps, callSid);
  const authorised = (request: FastifyRequest, reply: FastifyReply) => check.form(request, reply);

  /** A malformed request for a known call ends that call (as failed) so its row never stays open. */
  async function refuseMalformed(
    request: FastifyRequest,
    reply: FastifyReply,
    params: Record<string, string>,
  ) {
    const callSid = params.CallSid;
    if (callSid && Value.Check(CallSid, callSid)) {
      const outcome = await endCall(context, { ...keyOf(callSid), failed: true });
      request.log.info({ callSid, outcome }, "voice webhook malformed: call ended");
    } else request.log.info("voice webhook malformed");
    return sendTwiml(reply, 400, renderTwimlError(MESSAGES.malformed));
  }

  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    callSid: string,
    turn: () => Promise<CallResponse>,
  ) {
    try {
      const response = await turn();
      request.log.info(
        { callId: response.callId, next: response.next.type, outcome: response.outcome },
        "voice turn",
      );
      return sendTwiml(reply, 200, renderTwiml({ say: response.say, next: response.next, urls }));
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND")
        return sendTwiml(reply, 404, renderTwimlError(MESSAGES.unknownCall));
      request.log.error({ err: error, callSid }, "voice turn failed");
      await endCall(context, { ...keyOf(callSid), failed: true }).catch(() => undefined);
      return sendTwiml(reply, 200, renderTwimlError(MESSAGES.sorry));
    }
  }

  app.post(`${PREFIX}/incoming`, async (request, reply) => {
    const params = authorised(request, reply);
    if (!params) return reply;
    if (!Value.Check(IncomingBody, params)) return refuseMalformed(request, reply, params);
    const body: Static<typeof IncomingBody> = params;
    return answer(request, reply, body.CallSid, () =>
      startCall(context, { ...keyOf(body.CallSid), callerNumber: callerNumberOf(body.From), speech: true }),
    );
  });

  app.post(`${PREFIX}/gather`, async (request, reply) => {
    const params = authorised(request, reply);
    if (!params) return reply;
    if (!Value.Check(GatherBody, params)) return refuseMalformed(request, reply, params);
    const body: Static<typeof GatherBody> = params;
    const speech = body.SpeechResult?.trim() ?? "";
    const event: CallEvent = body.Digits
      ? { type: "digits", digits: body.Digits }
      : speech
        ? { type: "speech", text: speech }
        : { type: "silence" };
    return answer(request, reply, body.CallSid, () =>
      continueCall(context, {
        ...keyOf(body.CallSid),
        callerNumber: callerNumberOf(body.From),
        speech: true,
        event,
      }),
    );
  });

  app.post(`${PREFIX}/dial`, async (request, reply) => {
    const params = authorised(request, reply);
    if (!params) return reply;
    if (!Value.Check(DialBody, params)) return refuseMalformed(request, reply, params);
    const body: Static<typeof DialBody> = params;
    if (!FAILED_DIAL.has(body.DialCallStatus ?? "")) {
      // The agent took the call and it is over: it counts as answered by an agent; nothing more to say.
      const outcome = await recordTransferAnswered(context, keyOf(body.CallSid));
      request.log.info({ callSid: body.CallSid, outcome }, "voice transfer answered");
      return sendTwiml(reply, 200, renderTwiml({ say: [], next: { type: "hangup" }, urls }));
    }
    return answer(request, reply, body.CallSid, () =>
      continueCall(context, {
        ...keyOf(body.CallSid),
        callerNumber: callerNumberOf(body.From),
        speech: true,
        event: { type: "transfer_failed" },
      }),
    );
  });

  app.post(`${PREFIX}/status`, async (request, reply) => {
    const params = authorised(request, reply);
    if (!params) return reply;
    if (!Value.Check(StatusBody, params)) return refuseMalformed(request, reply, params);
    const body: Static<typeof StatusBody> = params;
    const status = body.CallStatus ?? "completed";
    if (["completed", "busy", "failed", "no-answer", "canceled"].includes(status)) {
      const outcome = await endCall(context, { ...keyOf(body.CallSid), failed: status === "failed" });
      request.log.info({ callSid: body.CallSid, outcome }, "voice call ended");
    }
    return reply.code(204).send();
  });

  app.post(`${PREFIX}/recording`, async (request, reply) => {
    const params = authorised(request, reply);
    if (!params) return reply;
    if (!Value.Check(RecordingBody, params)) {
      request.log.info("voice recording callback malformed");
      return reply.code(400).send();
    }
    const body: Static<typeof RecordingBody> = params;
    const reference = body.RecordingUrl ?? body.RecordingSid;
    // Only a finished recording has audio to point to ("in-progress", "absent", "failed" do not).
    if (!reference || (body.RecordingStatus && body.RecordingStatus !== "completed"))
      return reply.code(204).send();
    const stored = await storeCallRecording(context, { ...keyOf(body.CallSid), reference });
    if (stored.stored && stored.consent !== true)
      request.log.warn(
        { callId: stored.callId },
        "call recorded without the caller's consent: check the provider",
      );
    else request.log.info({ callSid: body.CallSid, stored: stored.stored }, "voice recording reported");
    return reply.code(stored.stored ? 204 : 404).send();
  });
}
