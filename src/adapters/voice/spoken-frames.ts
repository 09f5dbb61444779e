/**
 * Spoken text as the provider's frames: sentences (each synthesised and sent as soon as it is ready,
 * and cached on its own, so menus sharing lines share audio) and base64 µ-law payloads of 20 ms.
 */
import { encodeMulaw } from "./mulaw.ts";

/** 20 ms of µ-law at 8 kHz: the frame size providers send and expect. */
export const FRAME_BYTES = 160;
/** The base64 payloads of a spoken text, per 20 ms frame; kept as long as the audio is (in the TTS cache). */
const encodedFrames = new WeakMap<Int16Array, string[]>();

export function framesOf(pcm: Int16Array): string[] {
  const known = encodedFrames.get(pcm);
  if (known) return known;
  const audio = encodeMulaw(pcm);
  const payloads: string[] = [];
  for (let offset = 0; offset < audio.length; offset += FRAME_BYTES)
    payloads.push(Buffer.from(audio.subarray(offset, offset + FRAME_BYTES)).toString("base64"));
  encodedFrames.set(pcm, payloads);
  return payloads;
}

export function splitSentences(texts: string[]): string[] {
  return texts
    .flatMap((text) => text.match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g)?.map((s) => s.trim()) ?? [])
    .filter(Boolean);
}
