/**
 * A citizen's recorded question, as the browser sends it: a WAV file of 16-bit PCM, mono, 8 to 48 kHz,
 * 30 seconds at most. Checked here before any speech-to-text is paid for; what comes out is the 8 kHz
 * audio the speech-to-text port takes. Every refusal carries a French message the widget shows as is.
 */
import { VOICE_SAMPLE_RATE } from "../../../domains/channels/voice/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import { resample } from "../../voice/resample.ts";
import { parseWav, WavFormatError } from "../../voice/wav.ts";

export const MAX_AUDIO_BYTES = 2 * 1024 * 1024;
export const MAX_AUDIO_SECONDS = 30;
const MIN_AUDIO_SECONDS = 0.3;
const MIN_RATE = 8_000;
const MAX_RATE = 48_000;
/**
 * A recording whose loudest 50 ms stay below this RMS (about -40 dBFS) holds no speech: nothing is
 * sent to speech-to-text. Speech near a microphone peaks well above 1 000.
 */
const SILENCE_RMS = 300;

export const WAV_TYPES = ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"];

export const AUDIO_MESSAGES = {
  type: "Envoyez l'enregistrement au format WAV (type « audio/wav »).",
  format:
    "L'enregistrement doit être un fichier WAV en PCM 16 bits, mono, échantillonné entre 8 000 et 48 000 Hz.",
  unreadable: "Cet enregistrement n'est pas un fichier WAV lisible. Réessayez, ou écrivez votre question.",
  tooBig:
    "L'enregistrement est trop volumineux (2 Mo au plus). Posez une question plus courte, ou écrivez-la.",
  tooLong: `L'enregistrement dure plus de ${MAX_AUDIO_SECONDS} secondes. Posez une question plus courte, ou écrivez-la.`,
  tooShort: "L'enregistrement est trop court. Appuyez sur « Parler », posez votre question, puis attendez.",
  nothingHeard:
    "Nous n'avons pas entendu de question. Parlez plus près du micro et réessayez, ou écrivez votre question.",
  notUnderstood:
    "Nous n'avons pas pu comprendre votre message vocal. Réessayez en parlant distinctement, ou écrivez votre question.",
  unavailable:
    "La saisie vocale n'est pas disponible sur ce service. Écrivez votre question dans le champ de message.",
};

function refuse(
  code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE",
  reason: string,
  userMessage: string,
) {
  return new AppError(code, { message: `voice audio refused: ${reason}`, userMessage, details: { reason } });
}

export function isWavType(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return WAV_TYPES.includes(type);
}

/** Refuses a body announced larger than the limit before it is read. */
export function checkAnnouncedSize(contentLength: string | undefined): void {
  if (contentLength !== undefined && Number(contentLength) > MAX_AUDIO_BYTES)
    throw refuse("PAYLOAD_TOO_LARGE", "too_big", AUDIO_MESSAGES.tooBig);
}

export function audioTooBig(): AppError {
  return refuse("PAYLOAD_TOO_LARGE", "too_big", AUDIO_MESSAGES.tooBig);
}

export type CitizenAudio = { pcm: Int16Array; seconds: number };

/** The recording as 8 kHz PCM, or a refusal (415 wrong format, 413 too long, 400 unreadable or silent). */
export function readCitizenAudio(body: unknown, contentType: string | undefined): CitizenAudio {
  if (!isWavType(contentType) || !(body instanceof Uint8Array))
    throw refuse("UNSUPPORTED_MEDIA_TYPE", "content_type", AUDIO_MESSAGES.type);
  if (body.length > MAX_AUDIO_BYTES) throw audioTooBig();
  let audio: ReturnType<typeof parseWav>;
  try {
    audio = parseWav(body);
  } catch (error) {
    if (!(error instanceof WavFormatError)) throw error;
    if (/unsupported WAV format/.test(error.message))
      throw refuse("UNSUPPORTED_MEDIA_TYPE", "format", AUDIO_MESSAGES.format);
    throw refuse("BAD_REQUEST", "unreadable", AUDIO_MESSAGES.unreadable);
  }
  if (audio.channels !== 1 || audio.sampleRate < MIN_RATE || audio.sampleRate > MAX_RATE)
    throw refuse("UNSUPPORTED_MEDIA_TYPE", "format", AUDIO_MESSAGES.format);
  const seconds = audio.samples.length / audio.sampleRate;
  if (seconds > MAX_AUDIO_SECONDS) throw refuse("PAYLOAD_TOO_LARGE", "too_long", AUDIO_MESSAGES.tooLong);
  if (seconds < MIN_AUDIO_SECONDS) throw refuse("BAD_REQUEST", "too_short", AUDIO_MESSAGES.tooShort);
  if (loudestWindowRms(audio.samples, Math.round(audio.sampleRate / 20)) < SILENCE_RMS)
    throw refuse("BAD_REQUEST", "silence", AUDIO_MESSAGES.nothingHeard);
  return { pcm: resample(audio.samples, audio.sampleRate, VOICE_SAMPLE_RATE), seconds };
}

/** The RMS of the loudest window of `size` samples. */
export function loudestWindowRms(samples: Int16Array, size: number): number {
  let loudest = 0;
  for (let start = 0; start < samples.length; start += size) {
    const end = Math.min(samples.length, start + size);
    let sum = 0;
    for (let i = start; i < end; i++) sum += (samples[i] as number) ** 2;
    loudest = Math.max(loudest, sum / (end - start));
  }
  return Math.sqrt(loudest);
}

export function nothingUnderstood(): AppError {
  return refuse("BAD_REQUEST", "not_understood", AUDIO_MESSAGES.notUnderstood);
}

export function voiceInputUnavailable(): AppError {
  return new AppError("UNAVAILABLE", {
    message: "no speech-to-text configured",
    userMessage: AUDIO_MESSAGES.unavailable,
    details: { reason: "voice_unavailable" },
  });
}
