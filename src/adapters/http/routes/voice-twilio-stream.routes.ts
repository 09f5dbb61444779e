/**
 * Calls on a bidirectional media stream (Twilio Media Streams and the providers copying it): Guichet
 * hears and speaks itself — end-of-speech detection, its own speech-to-text when configured (else the
 * keypad), espeak-ng for the voice — instead of the provider's <Gather> and <Say>.
 *
 *   POST /voice/twilio/stream-incoming   a call arrives: TwiML <Connect><Stream> to the socket below
 *   GET  /voice/twilio/stream            the WebSocket (JSON frames: connected, start, media, dtmf, mark, stop)
 *   POST /voice/twilio/after-stream      the stream closed: pass the call to a person, or hang up
 *
 * The WebSocket handshake must carry a valid X-Twilio-Signature of the stream URL (no parameters).
 */
import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance } from "fastify";
import { findPendingTransfer } from "../../../domains/channels/voice/index.ts";
import { MAX_FRAME_BYTES } from "../../voice/media-stream-protocol.ts";
import { createMediaStreamSession } from "../../voice/media-stream-session.ts";
import { renderStreamTwiml, renderTwiml, renderTwimlError } from "../../voice/twiml.ts";
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

const Body = Type.Object({ CallSid: CallSidSchema, From: Type.Optional(Type.String({ maxLength: 64 })) });
const STREAM_PATH = `${VOICE_PREFIX}/stream`;
/** WebSocket close codes: normal end, policy violation (bad signature), internal error. */
const CLOSE = { normal: 1000, policy: 1008, error: 1011 } as const;

export async function registerVoiceTwilioStreamRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const voice = deps.voice;
  if (!voice) return;
  const context = voiceContextOf(deps);
  const check = createTwilioRequestCheck(deps);
  const streamUrl = `${deps.config.publicUrl.replace(/^http/, "ws")}${STREAM_PATH}`;
  const urls = { gather: `${VOICE_PREFIX}/gather`, dial: `${VOICE_PREFIX}/dial` };

  app.post(`${VOICE_PREFIX}/stream-incoming`, async (request, reply) => {
    const params = check.form(request, reply);
    if (!params) return reply;
    if (!Value.Check(Body, params)) return sendTwiml(reply, 400, renderTwimlError(VOICE_MESSAGES.malformed));
    const from = callerNumberOf(params.From);
    request.log.info({ callSid: params.CallSid }, "voice call to a media stream");
    return sendTwiml(
      reply,
      200,
      renderStreamTwiml({
        streamUrl,
        parameters: from ? { From: from } : {},
        afterUrl: `${VOICE_PREFIX}/after-stream`,
      }),
    );
  });

  app.post(`${VOICE_PREFIX}/after-stream`, async (request, reply) => {
    const params = check.form(request, reply);
    if (!params) return reply;
    if (!Value.Check(Body, params)) return sendTwiml(reply, 400, renderTwimlError(VOICE_MESSAGES.malformed));
    const target = await findPendingTransfer(context, twilioCallKey(deps, params.CallSid));
    const next = target ? ({ type: "transfer", target } as const) : ({ type: "hangup" } as const);
    return sendTwiml(reply, 200, renderTwiml({ say: [], next, urls }));
  });

  app.get(STREAM_PATH, { websocket: true }, (socket, request) => {
    if (check.signed(request, streamUrl, {}) !== true) {
      request.log.warn("voice stream refused: bad signature");
      socket.close(CLOSE.policy, "signature");
      return;
    }
    const session = createMediaStreamSession({
      context,
      organisationId: deps.organisation.id,
      tts: voice.tts,
      stt: voice.stt,
      logger: request.log,
      send: (text) => {
        if (socket.readyState === socket.OPEN) socket.send(text);
      },
      close: (reason) => {
        if (socket.readyState === socket.OPEN)
          socket.close(reason === "failed" ? CLOSE.error : CLOSE.normal, reason);
      },
    });
    socket.on("message", (data, isBinary) => {
      // The protocol is JSON text; binary or oversized frames count as malformed.
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      const text = isBinary ? "" : bytes.toString("utf8");
      session.receive(text.length > MAX_FRAME_BYTES ? "" : text);
    });
    socket.on("close", () => {
      void session.closed();
    });
    socket.on("error", (error) => request.log.warn({ err: error }, "voice stream socket error"));
  });
}
