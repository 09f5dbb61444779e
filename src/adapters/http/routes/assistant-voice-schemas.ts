/** Schemas of the voice routes; the reply is the chat API's own (POST …/messages). */
import { Type } from "@fastify/type-provider-typebox";
import { Reply } from "./assistant-api.routes.ts";

export const VoiceReply = Reply;

export const VoiceTurn = Type.Object({
  transcript: Type.String({
    description: "Ce que la reconnaissance vocale a entendu (envoyé comme message).",
  }),
  reply: VoiceReply,
  audio: Type.String({
    description: "Adresse de la réponse lue à voix haute (WAV), pour cette conversation.",
  }),
});

export const VoiceCapabilities = Type.Object({
  input: Type.Boolean({
    description: "Le service accepte des messages vocaux (reconnaissance vocale configurée).",
  }),
  browserSpeech: Type.Boolean({
    description:
      "La commune autorise la reconnaissance et la synthèse vocales du navigateur quand le service n'en a pas.",
  }),
});

export const ConversationParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const MessageId = Type.String({ pattern: "^[0-9a-fA-F-]{36}$" });
export const AudioParams = Type.Object({ id: Type.String({ maxLength: 64 }), messageId: MessageId });
export const PageAudioParams = Type.Object({ messageId: MessageId });

// No type nor format: the body is bytes (a Buffer), checked by the handler, not by the JSON validator.
export const AudioBody = Type.Unsafe<Uint8Array>({
  description: "Enregistrement WAV, PCM 16 bits mono, 8 000 à 48 000 Hz, 30 secondes et 2 Mo au plus.",
});

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), requestId: Type.String() }),
});
