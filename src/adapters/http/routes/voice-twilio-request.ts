/**
 * What every Twilio-style voice request goes through: the form's parameters, the X-Twilio-Signature
 * check (signatures off only outside production, with one warning), and TwiML replies. Shared by the
 * webhook routes and the media-stream routes.
 */
import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CallKey, VoiceContext } from "../../../domains/channels/voice/index.ts";
import { isValidTwilioSignature } from "../../voice/twilio-signature.ts";
import { renderTwimlError } from "../../voice/twiml.ts";
import type { AppDeps } from "../deps.ts";

export const VOICE_PREFIX = "/voice/twilio";
export const CallSidSchema = Type.String({ pattern: "^CA[0-9a-fA-F]{32}$" });

export const VOICE_MESSAGES = {
  malformed: "La requête de l'opérateur téléphonique n'est pas valide. L'appel est terminé.",
  signature: "La signature de la requête de l'opérateur téléphonique n'est pas valide.",
  unsigned:
    "Les requêtes de l'opérateur téléphonique doivent être signées : configurez VOICE_TWILIO_AUTH_TOKEN.",
  unknownCall: "Cet appel est inconnu. L'appel est terminé.",
  sorry: "Désolé, une erreur s'est produite. Merci de rappeler dans quelques instants. Au revoir.",
};

/** A caller's number as the network gave it, or null when withheld ("anonymous", "client:…"). */
export function callerNumberOf(from: string | undefined): string | null {
  const trimmed = from?.trim() ?? "";
  return /^\+?[0-9]{6,15}$/.test(trimmed) ? trimmed : null;
}

function formParams(body: unknown): Record<string, string> | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== "string") return null;
    params[key] = value;
  }
  return params;
}

export function sendTwiml(reply: FastifyReply, status: number, xml: string) {
  return reply.code(status).type("text/xml; charset=utf-8").send(xml);
}

export function voiceContextOf(deps: AppDeps): VoiceContext {
  return {
    assistant: deps.assistant,
    organisationName: deps.organisation.name,
    transferTarget: deps.config.voice.transferNumber ?? null,
    sms: deps.sms ?? null,
    recordings: deps.config.voice.recordings,
  };
}

export function twilioCallKey(deps: AppDeps, callSid: string): CallKey {
  return { organisationId: deps.organisation.id, provider: "twilio", providerCallId: callSid };
}

export function createTwilioRequestCheck(deps: AppDeps) {
  const token = deps.config.voice.twilioAuthToken;
  let warned = false;

  /** Whether the request is signed for `url` and `params` (or signatures are off in development). */
  function signed(
    request: FastifyRequest,
    url: string,
    params: Record<string, string>,
  ): boolean | "unsigned" {
    if (!token) {
      if (deps.config.env === "production") return "unsigned";
      if (!warned) request.log.warn("VOICE_TWILIO_AUTH_TOKEN unset: voice requests accepted unsigned");
      warned = true;
      return true;
    }
    const signature = request.headers["x-twilio-signature"];
    return isValidTwilioSignature({
      authToken: token,
      url,
      params,
      signature: typeof signature === "string" ? signature : undefined,
    });
  }

  return {
    signed,
    /** The form's parameters of a signed webhook; else the refusal is sent and null returned. */
    form(request: FastifyRequest, reply: FastifyReply): Record<string, string> | null {
      const params = formParams(request.body);
      const ok = signed(request, `${deps.config.publicUrl}${request.url}`, params ?? {});
      if (ok !== true) {
        request.log.warn({ url: request.url }, "voice webhook refused: bad signature");
        const message = ok === "unsigned" ? VOICE_MESSAGES.unsigned : VOICE_MESSAGES.signature;
        sendTwiml(reply, 403, renderTwimlError(message));
        return null;
      }
      if (params === null) {
        sendTwiml(reply, 400, renderTwimlError(VOICE_MESSAGES.malformed));
        return null;
      }
      return params;
    },
  };
}
