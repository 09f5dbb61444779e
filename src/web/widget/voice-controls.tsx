/**
 * The microphone of the widget: "Parler" starts listening (aria-pressed), "Arrêter" ends it; it also
 * ends by itself after a short silence or 30 seconds. Each reply that comes back is played, unless
 * "Couper le son" is pressed. What happens is said in a status line; failures go to the caller.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { recognise, speakWithBrowser, stopBrowserSpeech } from "./browser-speech.ts";
import { LISTENING_MESSAGE, VOICE_MESSAGES, type VoiceMode } from "./voice-mode.ts";
import { startRecording, VoiceError } from "./voice-recorder.ts";

/** A reply to play: its spoken audio from the service, or its text for the browser's voice. */
export type Playback = { id: string; url?: string; text?: string };

export function VoiceControls(props: {
  mode: VoiceMode;
  busy: boolean;
  playback: Playback | null;
  onAudio(wav: Blob): void;
  onText(text: string): void;
  onError(message: string): void;
}) {
  const { mode, playback } = props;
  const [listening, setListening] = useState(false);
  const [muted, setMuted] = useState(false);
  const stopRef = useRef<(() => void) | null>(null);
  const audioRef = useRef<HTMLAudioElement>(null);

  const silence = () => {
    audioRef.current?.pause();
    stopBrowserSpeech();
  };

  useEffect(() => {
    if (!playback) return;
    const audio = audioRef.current;
    if (playback.url && audio) {
      audio.src = playback.url;
      if (!muted) audio.play().catch(() => undefined);
    } else if (playback.text && !muted) speakWithBrowser(playback.text);
  }, [playback]);

  useEffect(
    () => () => {
      stopRef.current?.();
      stopBrowserSpeech();
    },
    [],
  );

  async function listen() {
    let cancelled = false;
    stopRef.current = () => {
      cancelled = true;
    };
    setListening(true);
    silence();
    try {
      if (mode === "server") {
        const recording = await startRecording();
        if (cancelled) recording.stop();
        else stopRef.current = recording.stop;
        const wav = await recording.result;
        stopRef.current = null;
        setListening(false);
        props.onAudio(wav);
      } else {
        const recognition = recognise();
        stopRef.current = recognition.stop;
        const text = await recognition.result;
        stopRef.current = null;
        setListening(false);
        props.onText(text);
      }
    } catch (error) {
      stopRef.current = null;
      setListening(false);
      props.onError(VOICE_MESSAGES[error instanceof VoiceError ? error.reason : "unsupported"]);
    }
  }

  return (
    <div class="ga-voice">
      <div class="ga-voice-buttons">
        <button
          type="button"
          class="ga-mic"
          aria-pressed={listening ? "true" : "false"}
          aria-describedby={mode === "browser" ? "ga-voice-note" : undefined}
          onClick={() => {
            if (stopRef.current) stopRef.current();
            else if (!props.busy) void listen();
          }}
        >
          {listening ? "Arrêter" : "Parler"}
        </button>
        <button
          type="button"
          class="ga-mute"
          aria-pressed={muted ? "true" : "false"}
          onClick={() => {
            if (!muted) silence();
            setMuted(!muted);
          }}
        >
          Couper le son
        </button>
      </div>
      {mode === "browser" ? (
        <p id="ga-voice-note" class="ga-hint">
          La reconnaissance vocale de votre navigateur transmet votre voix à l'éditeur du navigateur.
        </p>
      ) : null}
      <p class="ga-voice-status" role="status">
        {listening ? LISTENING_MESSAGE : ""}
      </p>
      {/* biome-ignore lint/a11y/useMediaCaption: what it plays is the reply, shown as text in the conversation */}
      <audio ref={audioRef} preload="none" />
    </div>
  );
}
