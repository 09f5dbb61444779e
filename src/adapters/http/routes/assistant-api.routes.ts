/**
 * The public chat API, used by the widget and by any channel a town builds (a kiosk, a messaging
 * bridge): start a conversation, send a message, vote on an answer, read the thread again, and follow
 * agents' replies live after a hand-off (Server-Sent Events). No cookie, no session: the conversation
 * id (144 random bits) is the key. Cross-origin calls are allowed from the origins the town lists.
 */
import rateLimit from "@fastify/rate-limit";
import { type Static, Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type AssistantReply,
  type ConversationEntry,
  listConversationEntries,
  postCitizenMessage,
  rateConversation,
  startConversation,
  voteOnReply,
} from "../../../domains/assistant/index.ts";
import { registerConversationEvents } from "../../realtime/conversation-events.routes.ts";
import {
  CONVERSATION_START_LIMIT,
  formLimitedError,
  isFormLimited,
  recordFormHit,
} from "../citizen-desk/public-form-limit.ts";
import type { AppDeps } from "../deps.ts";

const Source = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String(),
  date: Type.Union([Type.String(), Type.Null()]),
});
const Choice = Type.Object({ label: Type.String(), value: Type.String() });
/** One reply of the assistant, also returned by the voice route (assistant-voice.routes.ts). */
export const Reply = Type.Object({
  messageId: Type.String(),
  kind: Type.String({
    description:
      "answer, clarify, greeting, thanks, goodbye, handoff_contact, handoff, case_status, unanswered, refusal, feedback",
  }),
  text: Type.String({ description: "Texte brut (jamais de HTML) ; les choix y sont aussi numérotés." }),
  sources: Type.Array(Source),
  choices: Type.Array(Choice),
  handoff: Type.Boolean(),
  askHelpful: Type.Boolean({ description: "Afficher « Cette réponse vous a-t-elle aidé ? » (oui / non)" }),
  case: Type.Optional(
    Type.Object({
      reference: Type.String(),
      trackingUrl: Type.Optional(Type.String()),
      status: Type.Optional(Type.String()),
    }),
  ),
});
const Entry = Type.Object({
  id: Type.String(),
  author: Type.Union([Type.Literal("citizen"), Type.Literal("assistant"), Type.Literal("agent")]),
  kind: Type.String(),
  text: Type.String(),
  sources: Type.Array(Source),
  choices: Type.Array(Choice),
  askHelpful: Type.Boolean(),
  helpful: Type.Union([Type.Boolean(), Type.Null()]),
  case: Type.Optional(Type.Object({ reference: Type.String() })),
  at: Type.String({ format: "date-time" }),
});
const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });
const StartBody = Type.Object(
  { channel: Type.Optional(Type.Union([Type.Literal("widget"), Type.Literal("web")])) },
  { additionalProperties: false },
);
// Up to 10,000 characters are accepted so a long message gets the assistant's own French answer
// ("résumez votre question") instead of a bare validation error.
const MessageBody = Type.Object({ text: Type.String({ maxLength: 10_000 }) });
// Checked by the questionnaire itself, for French messages (a note of 7 is "between 1 and 5").
const RatingBody = Type.Object({
  note: Type.Integer(),
  commentaire: Type.Optional(Type.String({ maxLength: 20_000 })),
});
const RatingResponse = Type.Object({ message: Type.String() });
const VoteBody = Type.Object({ messageId: Type.String({ maxLength: 64 }), helpful: Type.Boolean() });

function conversationKey(request: FastifyRequest): string {
  return `conversation:${(request.params as { id?: string }).id ?? ""}`;
}

function serialiseReply(reply: AssistantReply): Static<typeof Reply> {
  return reply;
}

function serialiseEntry(entry: ConversationEntry): Static<typeof Entry> {
  return { ...entry, at: entry.at.toISOString() };
}

/** CORS for the widget embedded on the town's own site: only the listed origins, no credentials. */
function allowOrigin(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (!origin || !deps.config.assistant.allowedOrigins.includes(origin)) return;
  reply.header("access-control-allow-origin", origin);
  reply.header("vary", "Origin");
}

export async function registerAssistantApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(rateLimit, { global: false });
    scope.addHook("onRequest", async (request, reply) => {
      allowOrigin(deps, request, reply);
    });
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ["Assistant"];
    const organisationId = deps.organisation.id;

    typed.options("/api/v1/conversations*", { schema: { hide: true } }, async (_request, reply) => {
      reply.header("access-control-allow-methods", "GET, POST, OPTIONS");
      reply.header("access-control-allow-headers", "content-type");
      reply.header("access-control-max-age", "600");
      return reply.code(204).send();
    });

    typed.post(
      "/api/v1/conversations",
      {
        schema: {
          tags,
          summary: "Commencer une conversation avec l'assistant",
          body: Type.Optional(StartBody),
          response: { 201: Type.Object({ id: Type.String() }) },
        },
      },
      async (request, reply) => {
        const limit = { limit: CONVERSATION_START_LIMIT, address: request.ip, clock: deps.clock };
        if (await isFormLimited(deps.db, limit))
          throw formLimitedError(
            "Trop de conversations ont été ouvertes depuis votre connexion. Réessayez dans une heure.",
          );
        await recordFormHit(deps.db, limit);
        const started = await startConversation(deps.assistant, {
          organisationId,
          channel: request.body?.channel ?? "widget",
        });
        request.log.info({ conversationId: started.id }, "conversation started");
        return reply.code(201).send(started);
      },
    );

    typed.post(
      "/api/v1/conversations/:id/messages",
      {
        // Per conversation (a person types a few messages a minute); starts are limited per address.
        config: { rateLimit: { max: 20, timeWindow: 60_000, keyGenerator: conversationKey } },
        schema: {
          tags,
          summary: "Envoyer un message et recevoir la réponse de l'assistant",
          params: Params,
          body: MessageBody,
          response: { 200: Type.Object({ reply: Reply }) },
        },
      },
      async (request) => {
        const reply = await postCitizenMessage(deps.assistant, {
          organisationId,
          conversationId: request.params.id,
          text: request.body.text,
        });
        const { trace, ...shown } = reply;
        request.log.info(
          {
            conversationId: request.params.id,
            kind: reply.kind,
            sources: reply.sources.map((s) => s.id),
            ...trace,
          },
          "assistant turn",
        );
        return { reply: serialiseReply(shown) };
      },
    );

    typed.post(
      "/api/v1/conversations/:id/votes",
      {
        config: { rateLimit: { max: 20, timeWindow: 60_000, keyGenerator: conversationKey } },
        schema: {
          tags,
          summary: "Dire si une réponse a aidé (oui / non)",
          params: Params,
          body: VoteBody,
          response: { 200: Type.Object({ reply: Reply }) },
        },
      },
      async (request) => {
        const reply = await voteOnReply(deps.assistant, {
          organisationId,
          conversationId: request.params.id,
          messageId: request.body.messageId,
          helpful: request.body.helpful,
        });
        request.log.info(
          { conversationId: request.params.id, helpful: request.body.helpful },
          "assistant vote",
        );
        return { reply: serialiseReply(reply) };
      },
    );

    typed.post(
      "/api/v1/conversations/:id/avis",
      {
        config: { rateLimit: { max: 20, timeWindow: 60_000, keyGenerator: conversationKey } },
        schema: {
          tags,
          summary: "Donner son avis sur l'échange (satisfaction de 1 à 5, commentaire facultatif)",
          params: Params,
          body: RatingBody,
          response: { 200: RatingResponse, 201: RatingResponse },
        },
      },
      async (request, reply) => {
        const { created } = await rateConversation(deps.assistant, {
          organisationId,
          conversationId: request.params.id,
          rating: request.body.note,
          comment: request.body.commentaire,
        });
        request.log.info({ conversationId: request.params.id, created }, "conversation rated");
        return reply.code(created ? 201 : 200).send({
          message: created
            ? "Merci pour votre avis."
            : "Vous avez déjà donné votre avis sur cet échange, merci.",
        });
      },
    );

    typed.get(
      "/api/v1/conversations/:id/messages",
      {
        schema: {
          tags,
          summary: "Relire la conversation (messages, réponses, réponses des agents)",
          params: Params,
          response: { 200: Type.Object({ messages: Type.Array(Entry) }) },
        },
      },
      async (request) => {
        const entries = await listConversationEntries(deps.assistant, {
          organisationId,
          conversationId: request.params.id,
        });
        return { messages: entries.map(serialiseEntry) };
      },
    );

    registerConversationEvents(scope, deps);
  });
}
