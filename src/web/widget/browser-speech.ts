/**
 * The browser's own speech engines, used only when the town allows them (VOICE_BROWSER_SPEECH=on) and
 * the service has no speech-to-text: recognition (Web Speech API, which sends the voice to the browser
 * maker's servers) in French, and speech synthesis for the answer.
 */
import { forTheEar, shortenForEar } from "../../domains/channels/voice/speak-text.ts";
import { VoiceError } from "./voice-recorder.ts";

type RecognitionEvent = { results: ArrayLike<ArrayLike<{ transcript: string }>> };
type Recognition = {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  continuous: boolean;
  onresult: ((event: RecognitionEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
};
type RecognitionClass = new () => Recognition;

function recognitionClass(): RecognitionClass | undefined {
  const w = window as unknown as {
    SpeechRecognition?: RecognitionClass;
    webkitSpeechRecognition?: RecognitionClass;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

export function recognitionAvailable(): boolean {
  return recognitionClass() !== undefined;
}

const FAILURES: Record<string, VoiceError["reason"]> = {
  "not-allowed": "denied",
  "service-not-allowed": "denied",
  "audio-capture": "no_microphone",
  "no-speech": "no_speech",
  aborted: "no_speech",
  network: "network",
};

/** One utterance, recognised by the browser: the text, or a VoiceError. */
export function recognise(): { stop(): void; result: Promise<string> } {
  const Recognition = recognitionClass();
  if (!Recognition) throw new VoiceError("unsupported");
  const recognition = new Recognition();
  recognition.lang = "fr-FR";
  recognition.interimResults = false;
  recognition.maxAlternatives = 1;
  recognition.continuous = false;
  const result = new Promise<string>((resolve, reject) => {
    let text = "";
    recognition.onresult = (event) => {
      text = Array.from(event.results, (alternatives) => alternatives[0]?.transcript ?? "").join(" ");
    };
    recognition.onerror = (event) => reject(new VoiceError(FAILURES[event.error] ?? "unsupported"));
    recognition.onend = () => (text.trim() ? resolve(text.trim()) : reject(new VoiceError("no_speech")));
  });
  recognition.start();
  return { stop: () => recognition.stop(), result };
}

/** Reads a reply aloud in French, shortened for the ear; nothing when the browser cannot speak. */
export function speakWithBrowser(text: string): void {
  if (typeof speechSynthesis === "undefined" || typeof SpeechSynthesisUtterance === "undefined") return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(shortenForEar(forTheEar(text)));
  utterance.lang = "fr-FR";
  speechSynthesis.speak(utterance);
}

export function stopBrowserSpeech(): void {
  if (typeof speechSynthesis !== "undefined") speechSynthesis.cancel();
}
