/**
 * The voice of the public chat API (widget, any channel a town builds):
 *   GET  /api/v1/voice                                       what the browser may offer
 *   POST /api/v1/conversations/:id/audio                     a spoken question (WAV) → transcript + reply
 *   GET  /api/v1/conversations/:id/audio/<messageId>.wav     the reply, spoken
 * Same conversation-id key, CORS and per-conversation limit as the chat API. A recording from an
 * origin the town did not list is refused outright: speech-to-text may be paid for, and that page
 * could not read the answer anyway. Logs carry ids and durations, never what was said.
 */
import rateLimit from "@fastify/rate-limit";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../shared/app-error.ts";
import type { AppDeps } from "../deps.ts";
import { readCitizenAudio, voiceInputUnavailable } from "./assistant-voice-audio.ts";
import { acceptRawAudio, sendWav, voiceErrorHandler } from "./assistant-voice-http.ts";
import { registerAssistantVoicePageRoutes } from "./assistant-voice-page.routes.ts";
import {
  AudioBody,
  AudioParams,
  ConversationParams,
  VoiceCapabilities,
  VoiceTurn,
} from "./assistant-voice-schemas.ts";
import { answerSpokenQuestion, createSpokenReplies, type SpokenReplies } from "./assistant-voice-turn.ts";

const FOREIGN_ORIGIN_MESSAGE =
  "Ce site n'est pas autorisé à envoyer des messages vocaux à l'assistant de la mairie.";

function conversationKey(request: FastifyRequest): string {
  return `conversation:${(request.params as { id?: string }).id ?? ""}`;
}

export function audioPath(conversationId: string, messageId: string): string {
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/audio/${messageId}.wav`;
}

export async function registerAssistantVoiceRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const spoken = deps.voice
    ? createSpokenReplies({ assistant: deps.assistant, tts: deps.voice.tts, clock: deps.clock })
    : null;
  await registerApiRoutes(app, deps, spoken);
  await registerAssistantVoicePageRoutes(app, deps, spoken);
}

async function registerApiRoutes(app: FastifyInstance, deps: AppDeps, spoken: SpokenReplies | null) {
  const organisationId = deps.organisation.id;
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  const allowed = (origin: string, request: FastifyRequest) =>
    deps.config.assistant.allowedOrigins.includes(origin) ||
    origin === publicOrigin ||
    origin === `${request.protocol}://${request.host}`;

  await app.register(async (scope) => {
    await scope.register(rateLimit, { global: false });
    acceptRawAudio(scope);
    scope.setErrorHandler(voiceErrorHandler);
    scope.addHook("onRequest", async (request, reply: FastifyReply) => {
      const origin = request.headers.origin;
      if (origin && deps.config.assistant.allowedOrigins.includes(origin)) {
        reply.header("access-control-allow-origin", origin);
        reply.header("vary", "Origin");
      }
      if (request.method === "POST" && origin !== undefined && !allowed(origin, request)) {
        request.log.info({ outcome: "foreign origin" }, "voice message refused");
        throw new AppError("FORBIDDEN", {
          message: "voice message from another origin",
          userMessage: FOREIGN_ORIGIN_MESSAGE,
          details: { reason: "origin" },
        });
      }
    });
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ["Assistant"];

    typed.get(
      "/api/v1/voice",
      {
        schema: {
          tags,
          summary: "Savoir si l'assistant accepte des messages vocaux",
          response: { 200: VoiceCapabilities },
        },
      },
      async (_request, reply) => {
        reply.header("cache-control", "public, max-age=300");
        return { input: Boolean(deps.voice?.stt), browserSpeech: deps.config.voice.browserSpeech };
      },
    );

    typed.post(
      "/api/v1/conversations/:id/audio",
      {
        config: { rateLimit: { max: 20, timeWindow: 60_000, keyGenerator: conversationKey } },
        schema: {
          tags,
          summary: "Poser une question à voix haute (WAV) et recevoir la réponse, en texte et lue",
          description:
            "Le texte entendu est envoyé comme un message écrit. Refus : 400 (illisible, silence, rien compris), 403 (site non autorisé), 404 (conversation), 413 (plus de 2 Mo ou de 30 secondes), 415 (pas un WAV PCM 16 bits mono), 503 (pas de reconnaissance vocale sur ce service).",
          consumes: ["audio/wav"],
          params: ConversationParams,
          body: AudioBody,
          response: { 200: VoiceTurn },
        },
      },
      async (request) => {
        const stt = deps.voice?.stt;
        if (!stt || !spoken) throw voiceInputUnavailable();
        const audio = readCitizenAudio(request.body, request.headers["content-type"]);
        const conversationId = request.params.id;
        const { transcript, turn } = await answerSpokenQuestion(
          { assistant: deps.assistant, stt },
          { organisationId, conversationId, audio },
        );
        const { trace, ...reply } = turn;
        spoken.prepare(conversationId, reply);
        request.log.info(
          {
            conversationId,
            messageId: reply.messageId,
            seconds: Math.round(audio.seconds * 10) / 10,
            kind: reply.kind,
            sources: reply.sources.map((s) => s.id),
            ...trace,
          },
          "assistant voice turn",
        );
        return { transcript, reply, audio: audioPath(conversationId, reply.messageId) };
      },
    );

    typed.get(
      "/api/v1/conversations/:id/audio/:messageId.wav",
      {
        config: { rateLimit: { max: 60, timeWindow: 60_000, keyGenerator: conversationKey } },
        schema: {
          tags,
          summary: "Écouter une réponse de l'assistant (WAV, 8 000 Hz), pour sa conversation seulement",
          params: AudioParams,
          produces: ["audio/wav"],
        },
      },
      async (request, reply) => {
        if (!spoken)
          throw new AppError("NOT_FOUND", { message: "no text-to-speech", details: { reason: "no_speech" } });
        const wav = await spoken.wav({
          organisationId,
          conversationId: request.params.id,
          messageId: request.params.messageId.toLowerCase(),
        });
        if (!wav)
          throw new AppError("NOT_FOUND", {
            message: "no such reply in this conversation",
            userMessage: "Cette réponse n'existe pas dans cette conversation.",
          });
        // Loaded by an <audio> element of the town's page: a no-cors request, hence the resource policy.
        reply
          .header("cross-origin-resource-policy", "cross-origin")
          .header("cache-control", "private, max-age=600");
        return sendWav(request, reply, wav);
      },
    );
  });
}
