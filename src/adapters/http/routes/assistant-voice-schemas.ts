/**
 * Schemas of the voice routes. `VoiceReply` is the reply of POST /api/v1/conversations/:id/messages
 * (assistant-api.routes.ts), repeated here so that file stays untouched; a test compares the two in
 * the OpenAPI document so they cannot drift apart.
 */
import { Type } from "@fastify/type-provider-typebox";

const Source = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String(),
  date: Type.Union([Type.String(), Type.Null()]),
});
const Choice = Type.Object({ label: Type.String(), value: Type.String() });

export const VoiceReply = Type.Object({
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
