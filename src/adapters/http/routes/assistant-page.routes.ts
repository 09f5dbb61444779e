/**
 * /assistant, the full-page chat that works without JavaScript: each message is a form post answered
 * by a redirect to the reply (Post/Redirect/Get). The conversation id is kept in a cookie set only once
 * the citizen writes (HttpOnly, SameSite=Lax, Path=/assistant): the rest of the site stays cookie-free.
 * There is no session, hence no CSRF token: the forms only touch the citizen's own conversation, and a
 * post sent from another site (Origin header) is refused.
 */
import fastifyCookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  CONVERSATION_NOT_FOUND_MESSAGE,
  type ConversationEntry,
  isConversationId,
  listConversationEntries,
  MAX_MESSAGE_LENGTH,
  postCitizenMessage,
  rateConversation,
  startConversation,
  voteOnReply,
} from "../../../domains/assistant/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { assistantView } from "../../../web/pages/assistant/views.tsx";
import {
  CONVERSATION_START_LIMIT,
  formLimitedError,
  isFormLimited,
  recordFormHit,
} from "../citizen-desk/public-form-limit.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

export const CONVERSATION_COOKIE = "guichet_conversation";
// The same bucket as the chat API's: a conversation started here or from the widget counts once.
const MESSAGE_LIMIT = { max: 20, timeWindow: 60_000 };

const FOREIGN_ORIGIN_MESSAGE =
  "Ce formulaire a été envoyé depuis un autre site : par sécurité, il n'a pas été pris en compte. Posez votre question directement sur cette page.";
const EMPTY_MESSAGE = "Écrivez votre question avant de l'envoyer.";
const RATING_MISSING_MESSAGE = "Choisissez une note de 1 à 5 pour donner votre avis sur cet échange.";
const RATING_THANKS = "Merci pour votre avis sur cet échange.";
const VOTE_MISSING_MESSAGE = "Choisissez « Oui » ou « Non » pour donner votre avis sur la réponse.";
const TOO_MANY_MESSAGES =
  "Vous avez envoyé beaucoup de messages en peu de temps. Attendez une minute, puis envoyez de nouveau votre message.";

function tooLongMessage(length: number): string {
  const max = MAX_MESSAGE_LENGTH.toLocaleString("fr-FR");
  return `Votre message est trop long (${length.toLocaleString("fr-FR")} caractères) : résumez votre question en ${max} caractères au plus.`;
}

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

function isRefusal(error: unknown): error is AppError {
  return isAppError(error) && httpStatusOf(error.code) < 500;
}

export async function registerAssistantPageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  const site = siteContext(deps);
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  const cookieOptions = {
    path: "/assistant",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.config.publicUrl.startsWith("https:"),
  };

  const conversationIdOf = (request: FastifyRequest): string | undefined => {
    const id = request.cookies[CONVERSATION_COOKIE];
    return id && isConversationId(id) ? id : undefined;
  };

  /** The thread, or null when the cookie names a conversation that no longer exists (purged). */
  const entriesOf = async (id: string | undefined): Promise<ConversationEntry[] | null> => {
    if (!id) return [];
    try {
      return await listConversationEntries(deps.assistant, { organisationId, conversationId: id });
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") return null;
      throw error;
    }
  };

  const renderChat = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      status?: number;
      draft?: string;
      error?: string;
      rating?: { error?: string; thanks?: string };
    } = {},
  ) => {
    const entries = await entriesOf(conversationIdOf(request));
    if (entries === null) reply.clearCookie(CONVERSATION_COOKIE, cookieOptions);
    // The page shows a personal conversation: never kept by a shared cache.
    reply.header("cache-control", "no-store");
    const page = assistantView({
      site,
      entries: entries ?? [],
      draft: options.draft,
      error: options.error,
      rating: options.rating,
    });
    return sendPage(reply, page, options.status ?? 200);
  };

  const startFor = async (request: FastifyRequest, reply: FastifyReply): Promise<string> => {
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

  /** Posts to the cookie's conversation, or to a new one when there is none or it expired. */
  const post = async (request: FastifyRequest, reply: FastifyReply, text: string) => {
    const existing = conversationIdOf(request);
    if (existing) {
      try {
        return {
          id: existing,
          turn: await postCitizenMessage(deps.assistant, { organisationId, conversationId: existing, text }),
        };
      } catch (error) {
        if (!isAppError(error) || error.userMessage !== CONVERSATION_NOT_FOUND_MESSAGE) throw error;
      }
    }
    const id = await startFor(request, reply);
    return {
      id,
      turn: await postCitizenMessage(deps.assistant, { organisationId, conversationId: id, text }),
    };
  };

  await app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(rateLimit, { global: false });
    const limited = {
      rateLimit: {
        ...MESSAGE_LIMIT,
        // After the body is read, so a refusal can keep what was typed.
        hook: "preHandler" as const,
        keyGenerator: (request: FastifyRequest) => conversationIdOf(request) ?? request.ip,
        errorResponseBuilder: () =>
          new AppError("TOO_MANY_REQUESTS", {
            message: "assistant page rate limited",
            userMessage: TOO_MANY_MESSAGES,
          }),
      },
    };

    // With the site-wide "no-referrer", Chrome sends "Origin: null" even for this page's own forms;
    // "same-origin" lets them carry the real origin, still sending nothing to other sites.
    scope.addHook("onSend", async (_request, reply) => {
      reply.header("referrer-policy", "same-origin");
    });

    scope.addHook("onRequest", async (request) => {
      const origin = request.headers.origin;
      if (request.method !== "POST" || origin === undefined) return;
      if (origin === publicOrigin || origin === `${request.protocol}://${request.host}`) return;
      request.log.info({ outcome: "foreign origin" }, "assistant form refused");
      throw new AppError("FORBIDDEN", {
        message: "form posted from another origin",
        userMessage: FOREIGN_ORIGIN_MESSAGE,
      });
    });

    // A refusal of the rate limit keeps the typed text; anything else goes to the site's error page.
    scope.setErrorHandler(async (error, request, reply) => {
      if (!isAppError(error) || error.code !== "TOO_MANY_REQUESTS" || request.method !== "POST") throw error;
      request.log.info({ code: error.code }, "assistant form refused");
      return renderChat(request, reply, {
        status: 429,
        draft: field(request.body, "message"),
        error: error.userMessage,
      });
    });

    scope.get<{ Querystring: { avis?: string } }>("/assistant", async (request, reply) =>
      renderChat(request, reply, request.query.avis === "merci" ? { rating: { thanks: RATING_THANKS } } : {}),
    );

    // "Votre avis sur cet échange": the end-of-chat questionnaire, one answer per conversation.
    scope.post("/assistant/note", { config: limited }, async (request, reply) => {
      const conversationId = conversationIdOf(request);
      try {
        if (!conversationId) throw new AppError("NOT_FOUND", { userMessage: CONVERSATION_NOT_FOUND_MESSAGE });
        const note = field(request.body, "note");
        if (!/^[1-5]$/.test(note)) throw new AppError("BAD_REQUEST", { userMessage: RATING_MISSING_MESSAGE });
        await rateConversation(deps.assistant, {
          organisationId,
          conversationId,
          rating: Number(note),
          comment: field(request.body, "commentaire"),
        });
        request.log.info({ conversationId }, "conversation rated");
        return reply.redirect("/assistant?avis=merci#avis", 303);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return renderChat(request, reply, {
          status: httpStatusOf(error.code),
          rating: { error: error.userMessage },
        });
      }
    });

    scope.post("/assistant", { config: limited }, async (request, reply) => {
      const text = field(request.body, "message");
      if (text.trim() === "")
        return renderChat(request, reply, { status: 400, draft: text, error: EMPTY_MESSAGE });
      if (text.length > MAX_MESSAGE_LENGTH)
        return renderChat(request, reply, { status: 400, draft: text, error: tooLongMessage(text.length) });
      try {
        const { id, turn } = await post(request, reply, text);
        const { trace, ...shown } = turn;
        request.log.info(
          { conversationId: id, kind: shown.kind, sources: shown.sources.map((s) => s.id), ...trace },
          "assistant turn",
        );
        return reply.redirect(`/assistant#m-${shown.messageId}`, 303);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return renderChat(request, reply, {
          status: httpStatusOf(error.code),
          draft: text,
          error: error.userMessage,
        });
      }
    });

    scope.post("/assistant/avis", { config: limited }, async (request, reply) => {
      const conversationId = conversationIdOf(request);
      const messageId = field(request.body, "reponse");
      const helpful = field(request.body, "avis");
      try {
        if (!conversationId) throw new AppError("NOT_FOUND", { userMessage: CONVERSATION_NOT_FOUND_MESSAGE });
        if (helpful !== "oui" && helpful !== "non")
          throw new AppError("BAD_REQUEST", { userMessage: VOTE_MISSING_MESSAGE });
        const feedback = await voteOnReply(deps.assistant, {
          organisationId,
          conversationId,
          messageId: messageId.slice(0, 64),
          helpful: helpful === "oui",
        });
        request.log.info({ conversationId, helpful: helpful === "oui" }, "assistant vote");
        return reply.redirect(`/assistant#m-${feedback.messageId}`, 303);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return renderChat(request, reply, { status: httpStatusOf(error.code), error: error.userMessage });
      }
    });

    scope.post("/assistant/nouvelle", async (_request, reply) => {
      reply.clearCookie(CONVERSATION_COOKIE, cookieOptions);
      return reply.redirect("/assistant", 303);
    });
  });
}
