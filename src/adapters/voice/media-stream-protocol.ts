/**
 * The bidirectional Media Streams protocol (Twilio's, copied by several providers): JSON text frames
 * over a WebSocket. In: connected, start, media (base64 µ-law 8 kHz), dtmf, mark, stop. Out: media,
 * mark (tells when playback reached it), clear (drops the audio not yet played: barge-in).
 * Every frame is checked here; anything else is "malformed" and counted by the session.
 */
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

const Sid = Type.String({ minLength: 1, maxLength: 64 });

const Connected = Type.Object({ event: Type.Literal("connected") });
const Start = Type.Object({
  event: Type.Literal("start"),
  streamSid: Type.Optional(Sid),
  start: Type.Object({
    streamSid: Sid,
    callSid: Type.String({ pattern: "^[A-Za-z0-9_-]{1,64}$" }),
    mediaFormat: Type.Object({
      encoding: Type.String({ maxLength: 40 }),
      sampleRate: Type.Number(),
      channels: Type.Number(),
    }),
    customParameters: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 })),
    ),
  }),
});
// One frame is normally 20 ms (160 bytes, 216 in base64); up to a second is accepted.
const Media = Type.Object({
  event: Type.Literal("media"),
  media: Type.Object({
    track: Type.Optional(Type.String({ maxLength: 20 })),
    payload: Type.String({ maxLength: 12_000, pattern: "^[A-Za-z0-9+/]*={0,2}$" }),
  }),
});
const Dtmf = Type.Object({
  event: Type.Literal("dtmf"),
  dtmf: Type.Object({ digit: Type.String({ pattern: "^[0-9*#]$" }) }),
});
const Mark = Type.Object({
  event: Type.Literal("mark"),
  mark: Type.Object({ name: Type.String({ maxLength: 64 }) }),
});
const Stop = Type.Object({ event: Type.Literal("stop") });

export type StreamStart = Static<typeof Start>["start"];
export type InboundFrame =
  | { event: "connected" }
  | { event: "start"; start: StreamStart }
  | { event: "media"; audio: Uint8Array }
  | { event: "dtmf"; digit: string }
  | { event: "mark"; name: string }
  | { event: "stop" };

/** Longest text frame read (a second of audio in base64, with its envelope). */
export const MAX_FRAME_BYTES = 16_000;

export function parseInboundFrame(text: string): InboundFrame | null {
  if (text.length > MAX_FRAME_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (Value.Check(Media, value)) {
    if (value.media.track && value.media.track !== "inbound") return null;
    return { event: "media", audio: new Uint8Array(Buffer.from(value.media.payload, "base64")) };
  }
  if (Value.Check(Dtmf, value)) return { event: "dtmf", digit: value.dtmf.digit };
  if (Value.Check(Mark, value)) return { event: "mark", name: value.mark.name };
  if (Value.Check(Start, value)) return { event: "start", start: value.start };
  if (Value.Check(Connected, value)) return { event: "connected" };
  if (Value.Check(Stop, value)) return { event: "stop" };
  return null;
}

/** Whether the caller's audio is what the pipeline reads: µ-law, 8 kHz, mono. */
export function isSupportedFormat(start: StreamStart): boolean {
  const format = start.mediaFormat;
  return format.encoding === "audio/x-mulaw" && format.sampleRate === 8_000 && format.channels === 1;
}

export const outbound = {
  /** A media frame from an already encoded base64 payload (base64 needs no JSON escaping). */
  mediaPayload: (streamSid: string, payload: string) =>
    `{"event":"media","streamSid":${JSON.stringify(streamSid)},"media":{"payload":"${payload}"}}`,
  mark: (streamSid: string, name: string) => JSON.stringify({ event: "mark", streamSid, mark: { name } }),
  clear: (streamSid: string) => JSON.stringify({ event: "clear", streamSid }),
};
