/**
 * The microphone of the /assistant page, for browsers with JavaScript (the page works without it):
 *   GET  /assistant/voix.js                  the progressive-enhancement script (same origin, CSP 'self')
 *   POST /assistant/voix                     a spoken question (WAV) → JSON transcript + reply
 *   GET  /assistant/voix/<messageId>.wav     the reply, spoken
 * The conversation is the page's own, from its HttpOnly cookie: the script never sees its id. Like the
 * page's forms, a post from another site is refused.
 */
import fastifyCookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  CONVERSATION_NOT_FOUND_MESSAGE,
  isConversationId,
  startConversation,
} from "../../../domains/assistant/index.ts";
import { AppError, isAppError } from "../../../shared/app-error.ts";
import { buildVoiceScript, VOICE_SCRIPT_PATH } from "../../../web/pages/assistant/build-voice-script.ts";
import {
  CONVERSATION_START_LIMIT,
  formLimitedError,
  isFormLimited,
  recordFormHit,
} from "../citizen-desk/public-form-limit.ts";
import type { AppDeps } from "../deps.ts";
import { CONVERSATION_COOKIE } from "./assistant-page.routes.ts";
import { readCitizenAudio, voiceInputUnavailable } from "./assistant-voice-audio.ts";
import { acceptRawAudio, sendWav, voiceErrorHandler } from "./assistant-voice-http.ts";
import { PageAudioParams } from "./assistant-voice-schemas.ts";
import { answerSpokenQuestion, type SpokenReplies } from "./assistant-voice-turn.ts";

const FOREIGN_ORIGIN_MESSAGE =
  "Ce message vocal a été envoyé depuis un autre site : par sécurité, il n'a pas été pris en compte.";

export async function registerAssistantVoicePageRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  spoken: SpokenReplies | null,
): Promise<void> {
  const organisationId = deps.organisation.id;
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  const cookieOptions = {
    path: "/assistant",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.config.publicUrl.startsWith("https:"),
  };
  const script = await buildVoiceScript();

  const cookieConversation = (request: FastifyRequest): string | undefined => {
    const id = request.cookies[CONVERSATION_COOKIE];
    return id && isConversationId(id) ? id : undefined;
  };

  const newConversation = async (request: FastifyRequest, reply: FastifyReply): Promise<string> => {
    const limit = { limit: CONVERSATION_START_LIMIT, address: request.ip, clock: deps.clock };
    if (await isFormLimited(deps.db, limit))
      throw formLimitedError(
        "Trop de conversations ont été ouvertes depuis votre connexion. Réessayez dans une heure.",
      );
    await recordFormHit(deps.db, limit);
    const { id } = await startConversation(deps.assistant, { organisationId, channel: "web" });
    reply.setCookie(CONVERSATION_COOKIE, id, cookieOptions);
    request.log.info({ conversationId: id }, "conversation started");
    return id;
  };

  app.get(VOICE_SCRIPT_PATH, async (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .header("etag", script.etag)
      .send(script.code),
  );

  await app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(rateLimit, { global: false });
    acceptRawAudio(scope);
    scope.setErrorHandler(voiceErrorHandler);
    scope.addHook("onRequest", async (request) => {
      const origin = request.headers.origin;
      if (request.method !== "POST" || origin === undefined) return;
      if (origin === publicOrigin || origin === `${request.protocol}://${request.host}`) return;
      request.log.info({ outcome: "foreign origin" }, "assistant voice refused");
      throw new AppError("FORBIDDEN", {
        message: "voice message from another origin",
        userMessage: FOREIGN_ORIGIN_MESSAGE,
        details: { reason: "origin" },
      });
    });
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    const limitedBy = (max: number) => ({
      rateLimit: {
        max,
        timeWindow: 60_000,
        keyGenerator: (request: FastifyRequest) => cookieConversation(request) ?? request.ip,
      },
    });

    typed.post("/assistant/voix", { config: limitedBy(20) }, async (request, reply) => {
      reply.header("cache-control", "no-store");
      const stt = deps.voice?.stt;
      if (!stt || !spoken) throw voiceInputUnavailable();
      const audio = readCitizenAudio(request.body, request.headers["content-type"]);
      const ask = (conversationId: string) =>
        answerSpokenQuestion({ assistant: deps.assistant, stt }, { organisationId, conversationId, audio });
      let conversationId = cookieConversation(request);
      let answer: Awaited<ReturnType<typeof ask>> | undefined;
      if (conversationId) {
        try {
          answer = await ask(conversationId);
        } catch (error) {
          // The cookie outlived its conversation (purged): a new one is started, as the page does.
          if (!isAppError(error) || error.userMessage !== CONVERSATION_NOT_FOUND_MESSAGE) throw error;
        }
      }
      if (!answer) {
        conversationId = await newConversation(request, reply);
        answer = await ask(conversationId);
      }
      const { trace, ...shown } = answer.turn;
      spoken.prepare(conversationId as string, shown);
      request.log.info(
        {
          conversationId,
          messageId: shown.messageId,
          seconds: Math.round(audio.seconds * 10) / 10,
          kind: shown.kind,
          sources: shown.sources.map((s) => s.id),
          ...trace,
        },
        "assistant voice turn",
      );
      return {
        transcript: answer.transcript,
        reply: shown,
        audio: `/assistant/voix/${shown.messageId}.wav`,
      };
    });

    typed.get(
      "/assistant/voix/:messageId.wav",
      {
        config: limitedBy(60),
        schema: { params: PageAudioParams },
      },
      async (request, reply) => {
        const conversationId = cookieConversation(request);
        const wav =
          spoken && conversationId
            ? await spoken.wav({
                organisationId,
                conversationId,
                messageId: request.params.messageId.toLowerCase(),
              })
            : null;
        if (!wav)
          throw new AppError("NOT_FOUND", {
            message: "no such reply in this conversation",
            userMessage: "Cette réponse n'existe pas dans votre conversation.",
          });
        reply.header("cache-control", "private, max-age=600");
        return sendWav(request, reply, wav);
      },
    );
  });
}
