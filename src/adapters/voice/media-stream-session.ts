/**
 * One call on a bidirectional media stream (Twilio Media Streams and the providers copying it): the
 * JSON text frames and their base64 µ-law audio, translated to and from a voice session
 * (voice-session.ts), which hears, decides and speaks. Out: media, mark (the provider echoes it once
 * played), clear (barge-in). A frame that cannot be read, or comes out of order, counts as malformed;
 * a codec other than µ-law 8 kHz ends the call, with its record.
 */
import { isSupportedFormat, outbound, parseInboundFrame } from "./media-stream-protocol.ts";
import { decodeMulaw } from "./mulaw.ts";
import { framesOf } from "./spoken-frames.ts";
import { createVoiceSession, type StreamEnd, type VoiceSessionOptions } from "./voice-session.ts";

export { FRAME_BYTES, splitSentences } from "./spoken-frames.ts";
export type { StreamEnd } from "./voice-session.ts";

export type MediaStreamSessionOptions = Omit<VoiceSessionOptions, "provider" | "transport"> & {
  /** Sends one text frame to the provider. */
  send(frame: string): void;
  /** Closes the stream: the provider goes on with the call (hangs up, or transfers it). */
  close(reason: StreamEnd): void;
};

export function createMediaStreamSession(options: MediaStreamSessionOptions) {
  const { send, close, ...rest } = options;
  let streamSid = "";
  const session = createVoiceSession({
    ...rest,
    provider: "twilio",
    transport: {
      play(pcm) {
        for (const payload of framesOf(pcm)) send(outbound.mediaPayload(streamSid, payload));
        return undefined;
      },
      mark: (name) => send(outbound.mark(streamSid, name)),
      clear: () => send(outbound.clear(streamSid)),
      close,
    },
  });

  return {
    closed: session.closed,
    idle: session.idle,
    get ended() {
      return session.ended;
    },
    /** One text frame from the provider. */
    receive(text: string): void {
      if (session.ended) return;
      const frame = parseInboundFrame(text);
      const early = frame !== null && frame.event !== "connected" && frame.event !== "start";
      if (frame === null || (early && !session.started) || (frame.event === "start" && session.started)) {
        session.malformed();
        return;
      }
      switch (frame.event) {
        case "connected":
          break;
        case "start": {
          const start = frame.start;
          streamSid = start.streamSid;
          const call = {
            providerCallId: start.callSid,
            callerNumber: start.customParameters?.From?.trim() ?? null,
          };
          if (isSupportedFormat(start)) session.start(call);
          else session.refuse(call, `unsupported audio format ${start.mediaFormat.encoding}`);
          break;
        }
        case "media":
          // Without speech-to-text the caller's audio is not listened to: no need to decode it.
          if (rest.stt) session.audio(decodeMulaw(frame.audio));
          break;
        case "dtmf":
          session.digit(frame.digit);
          break;
        case "mark":
          session.played(frame.name);
          break;
        case "stop":
          void session.closed();
          break;
      }
    },
  };
}
