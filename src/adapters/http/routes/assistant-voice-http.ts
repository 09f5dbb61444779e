/**
 * HTTP pieces shared by the voice routes of the chat API and of the /assistant page: the raw WAV body,
 * the refusals as JSON with their French message (also for the 503 "pas de saisie vocale ici", which
 * the central handler would replace by its generic text), and the spoken reply served with ranges
 * (Safari's media player asks for byte ranges and plays nothing without them).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { audioTooBig, checkAnnouncedSize, MAX_AUDIO_BYTES } from "./assistant-voice-audio.ts";

/** Any body is read as bytes (2 MB at most); its type is checked by the handler, in French. */
export function acceptRawAudio(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: MAX_AUDIO_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  scope.addHook("onRequest", async (request) => {
    if (request.method === "POST") checkAnnouncedSize(request.headers["content-length"]);
  });
}

function asAppError(error: FastifyError | Error): AppError | null {
  if (isAppError(error)) return error;
  const framework = error as FastifyError;
  if (framework.code === "FST_ERR_CTP_BODY_TOO_LARGE") return audioTooBig();
  // A malformed conversation or reply id names nothing that exists.
  if (framework.validation && framework.validationContext === "params")
    return new AppError("NOT_FOUND", {
      message: error.message,
      userMessage: "Cette conversation ou cette réponse n'existe pas ou a expiré.",
    });
  if (framework.statusCode === 429)
    return new AppError("TOO_MANY_REQUESTS", {
      message: "voice rate limited",
      userMessage:
        "Vous avez envoyé beaucoup de messages en peu de temps. Attendez une minute, puis réessayez.",
    });
  return null;
}

/** Refusals as `{ error: { code, message, requestId, reason? } }`; anything else goes to the central handler. */
export async function voiceErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const appError = asAppError(error);
  const status = appError ? httpStatusOf(appError.code) : 500;
  if (!appError || (status >= 500 && appError.details?.reason === undefined)) throw error;
  request.log.info(
    { code: appError.code, status, reason: appError.details?.reason },
    "voice request refused",
  );
  return reply.code(status).send({
    error: { code: appError.code, message: appError.userMessage, requestId: request.id, ...appError.details },
  });
}

/** A WAV, whole or the byte range asked for. */
export function sendWav(request: FastifyRequest, reply: FastifyReply, wav: Uint8Array): FastifyReply {
  reply.type("audio/wav").header("accept-ranges", "bytes");
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
  if (!range || (range[1] === "" && range[2] === "")) return reply.send(Buffer.from(wav));
  const size = wav.length;
  let start = range[1] === "" ? size - Number(range[2]) : Number(range[1]);
  let end = range[1] === "" || range[2] === "" ? size - 1 : Number(range[2]);
  start = Math.max(0, start);
  end = Math.min(size - 1, end);
  if (start > end) return reply.code(416).header("content-range", `bytes */${size}`).send();
  return reply
    .code(206)
    .header("content-range", `bytes ${start}-${end}/${size}`)
    .send(Buffer.from(wav.subarray(start, end + 1)));
}
