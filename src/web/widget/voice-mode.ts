/**
 * Which microphone the assistant offers, and what to tell the citizen when it fails. "server": the
 * recording goes to the service's speech-to-text and the reply comes back spoken; "browser": the town
 * allowed the browser's own engines and the service has none; null: no microphone button at all.
 */
import type { VoiceFailure } from "./voice-recorder.ts";

export type VoiceCapabilities = { input: boolean; browserSpeech: boolean };
export type VoiceMode = "server" | "browser";

export function voiceMode(
  capabilities: VoiceCapabilities | null,
  browser: { recorder: boolean; recognition: boolean },
): VoiceMode | null {
  if (!capabilities) return null;
  if (capabilities.input && browser.recorder) return "server";
  if (capabilities.browserSpeech && browser.recognition) return "browser";
  return null;
}

export const VOICE_MESSAGES: Record<VoiceFailure, string> = {
  denied:
    "Le micro n'est pas autorisé. Autorisez l'accès au micro dans les réglages de votre navigateur, ou écrivez votre question.",
  no_microphone: "Aucun micro n'a été trouvé. Branchez un micro, ou écrivez votre question.",
  unsupported: "Votre navigateur ne permet pas de parler à l'assistant. Écrivez votre question.",
  no_speech:
    "Nous ne vous avons pas entendu. Appuyez sur « Parler », posez votre question, puis attendez la réponse.",
  network: "La reconnaissance vocale du navigateur ne répond pas. Réessayez, ou écrivez votre question.",
};

export const LISTENING_MESSAGE =
  "À l'écoute : posez votre question. L'envoi se fait quand vous vous arrêtez de parler, ou avec « Arrêter ».";
