/**
 * /assistant with JavaScript (the page is complete without it): a "Parler" button in the message form.
 * The question is recorded and sent to /assistant/voix (or, where the town allows the browser's own
 * speech engines, recognised by the browser and posted like a typed message); the page's conversation
 * is then read again from the server and put in place, so it stays the server's own markup, and the
 * reply is played. Nothing here builds markup from data: the new page is parsed by DOMParser and its
 * nodes moved in, scripts left out.
 */
import {
  recognise,
  recognitionAvailable,
  speakWithBrowser,
  stopBrowserSpeech,
} from "../../widget/browser-speech.ts";
import {
  LISTENING_MESSAGE,
  VOICE_MESSAGES,
  type VoiceCapabilities,
  type VoiceMode,
  voiceMode,
} from "../../widget/voice-mode.ts";
import { recorderAvailable, startRecording, VoiceError } from "../../widget/voice-recorder.ts";

const UNEXPECTED = "Une erreur inattendue s'est produite. Veuillez réessayer plus tard.";
const NETWORK =
  "Le service de l'assistant ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.";
const WORKING = "L'assistant prépare sa réponse…";
const BROWSER_NOTE =
  "La reconnaissance vocale de votre navigateur transmet votre voix à l'éditeur du navigateur.";

class PageError extends Error {}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  text = "",
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text;
  return node;
}

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? UNEXPECTED;
}

function enhance(mode: VoiceMode): void {
  const root = element("div", { class: "chat-voice" });
  const mic = element("button", { type: "button", class: "secondary", "aria-pressed": "false" }, "Parler");
  const mute = element(
    "button",
    { type: "button", class: "secondary", "aria-pressed": "false" },
    "Couper le son",
  );
  const status = element("p", { class: "chat-voice-status", role: "status" });
  const alert = element("p", { class: "error-message", role: "alert" });
  const audio = element("audio", { preload: "none" });
  root.append(mic, " ", mute);
  if (mode === "browser") {
    mic.setAttribute("aria-describedby", "chat-voice-note");
    root.append(element("p", { id: "chat-voice-note", class: "form-hint" }, BROWSER_NOTE));
  }
  root.append(status, alert, audio);
  let stop: (() => void) | null = null;
  let busy = false;
  let muted = false;

  const place = () => document.querySelector("form.chat-form")?.append(root);
  const setListening = (on: boolean) => {
    mic.setAttribute("aria-pressed", on ? "true" : "false");
    mic.textContent = on ? "Arrêter" : "Parler";
    status.textContent = on ? LISTENING_MESSAGE : "";
  };

  /** The page as the server renders it now, in place of the current one; the new reply gets the focus. */
  const showPage = async (response: Response): Promise<HTMLElement | null> => {
    if (response.status >= 500) throw new PageError(UNEXPECTED);
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("main");
    const current = document.querySelector("main");
    if (!fresh || !current) throw new PageError(UNEXPECTED);
    for (const script of Array.from(fresh.querySelectorAll("script"))) script.remove();
    current.replaceWith(document.importNode(fresh, true));
    document.title = page.title;
    place();
    const replies = document.querySelectorAll<HTMLElement>(".chat-entry.from-assistant");
    const last = replies[replies.length - 1] ?? null;
    last?.setAttribute("tabindex", "-1");
    last?.focus();
    return last;
  };

  const askByRecording = async () => {
    const recording = await startRecording({ onEnd: () => setListening(false) });
    stop = recording.stop;
    const wav = await recording.result;
    stop = null;
    setListening(false);
    status.textContent = WORKING;
    const response = await fetch("/assistant/voix", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "audio/wav" },
      body: wav,
    });
    if (!response.ok) throw new PageError(await errorMessage(response));
    const turn = (await response.json()) as { audio: string };
    await showPage(await fetch("/assistant", { credentials: "same-origin" }));
    audio.src = turn.audio;
    if (!muted) audio.play().catch(() => undefined);
  };

  const askByBrowser = async () => {
    const recognition = recognise();
    stop = recognition.stop;
    const text = await recognition.result;
    stop = null;
    setListening(false);
    status.textContent = WORKING;
    const last = await showPage(
      await fetch("/assistant", {
        method: "POST",
        credentials: "same-origin",
        body: new URLSearchParams({ message: text }),
      }),
    );
    const reply = last?.querySelector(".chat-text")?.textContent;
    if (reply && !muted) speakWithBrowser(reply);
  };

  mic.addEventListener("click", () => {
    if (stop) {
      stop();
      return;
    }
    if (busy) return;
    busy = true;
    alert.textContent = "";
    audio.pause();
    stopBrowserSpeech();
    setListening(true);
    (mode === "server" ? askByRecording() : askByBrowser())
      .catch((error: unknown) => {
        alert.textContent =
          error instanceof VoiceError
            ? VOICE_MESSAGES[error.reason]
            : error instanceof PageError
              ? error.message
              : NETWORK;
      })
      .finally(() => {
        stop = null;
        busy = false;
        setListening(false);
      });
  });
  mute.addEventListener("click", () => {
    muted = !muted;
    mute.setAttribute("aria-pressed", muted ? "true" : "false");
    if (muted) {
      audio.pause();
      stopBrowserSpeech();
    }
  });
  place();
}

async function start(): Promise<void> {
  const response = await fetch("/api/v1/voice", { credentials: "omit" });
  if (!response.ok) return;
  const mode = voiceMode((await response.json()) as VoiceCapabilities, {
    recorder: recorderAvailable(),
    recognition: recognitionAvailable(),
  });
  if (mode && document.querySelector("form.chat-form")) enhance(mode);
}

start().catch(() => undefined);
