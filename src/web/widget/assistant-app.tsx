/**
 * The chat, in a launcher + panel (dialog, not modal: the town's page stays usable) or inline in a
 * page. Keyboard: Enter sends, Shift+Enter adds a line, Escape closes the panel and focus returns to
 * the launcher. New messages are announced politely; errors through an alert region.
 */
import { useEffect, useReducer, useRef, useState } from "preact/hooks";
import { recognitionAvailable } from "./browser-speech.ts";
import { type ChatClient, ChatError } from "./chat-client.ts";
import type { AgentEvent, ChatReply } from "./chat-types.ts";
import { MessageItem } from "./message-item.tsx";
import { RatingForm } from "./rating-form.tsx";
import type { SessionStore } from "./session-store.ts";
import { type Playback, VoiceControls } from "./voice-controls.tsx";
import { type VoiceMode, voiceMode } from "./voice-mode.ts";
import { recorderAvailable } from "./voice-recorder.ts";
import { currentChoices, INITIAL_STATE, replyAwaitingVote, widgetReducer } from "./widget-state.ts";

export type AssistantMode = "launcher" | "inline";

const HANDOFF_TEXT = "Parler à un agent";
const EMPTY_MESSAGE = "Écrivez votre question avant de l'envoyer.";

function chatErrorOf(error: unknown): ChatError {
  return error instanceof ChatError
    ? error
    : new ChatError(0, "UNKNOWN", "Une erreur inattendue s'est produite. Veuillez réessayer plus tard.");
}

export function AssistantApp(props: { mode: AssistantMode; client: ChatClient; store: SessionStore }) {
  const { mode, client, store } = props;
  const launcher = mode === "launcher";
  const [state, dispatch] = useReducer(widgetReducer, INITIAL_STATE);
  const [open, setOpen] = useState(() => !launcher || store.read().open);
  const [draft, setDraft] = useState("");
  const [rating, setRating] = useState(false);
  const [voice, setVoice] = useState<VoiceMode | null>(null);
  const [playback, setPlayback] = useState<Playback | null>(null);
  const voiceAsked = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const launcherRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const focusField = useRef(false);

  const fail = (error: unknown) => {
    const chatError = chatErrorOf(error);
    if (chatError.status === 404 && stateRef.current.conversationId) {
      store.update({ conversationId: null });
      dispatch({ type: "expired", message: chatError.message });
    } else dispatch({ type: "failed", message: chatError.message });
  };

  // Resume the conversation of this tab (page change or reload on the town's site).
  useEffect(() => {
    const id = store.read().conversationId;
    if (!id) return;
    client.list(id).then(
      (entries) => dispatch({ type: "restored", conversationId: id, entries }),
      (error: unknown) => {
        if (chatErrorOf(error).status === 404) store.update({ conversationId: null });
        else dispatch({ type: "failed", message: chatErrorOf(error).message });
      },
    );
  }, [client, store]);

  // After a hand-off, agents' replies arrive live.
  const { conversationId, handedOff } = state;
  useEffect(() => {
    if (!conversationId || !handedOff || typeof EventSource === "undefined") return;
    const source = new EventSource(client.eventsUrl(conversationId));
    source.addEventListener("agent", (event) => {
      try {
        dispatch({ type: "agent", event: JSON.parse((event as MessageEvent<string>).data) as AgentEvent });
      } catch {
        // a malformed event is skipped; the thread is read again on the next connection
      }
    });
    // The stream sends only what comes after it opened: what an agent wrote before (during the
    // hand-off, or while the connection was down) is read from the thread each time it (re)opens.
    source.addEventListener("pret", () => {
      client.list(conversationId).then(
        (entries) => {
          for (const entry of entries)
            if (entry.author === "agent")
              dispatch({ type: "agent", event: { id: entry.id, text: entry.text, at: entry.at } });
        },
        () => {},
      );
    });
    return () => source.close();
  }, [client, conversationId, handedOff]);

  // The microphone is offered only when the service says it can listen (asked once, when first shown).
  useEffect(() => {
    if (!open || voiceAsked.current) return;
    voiceAsked.current = true;
    client.voice().then(
      (capabilities) =>
        setVoice(
          voiceMode(capabilities, { recorder: recorderAvailable(), recognition: recognitionAvailable() }),
        ),
      () => {},
    );
  }, [client, open]);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [state.messages.length, open]);

  useEffect(() => {
    if (open && focusField.current) fieldRef.current?.focus();
    focusField.current = false;
  }, [open]);

  const setPanel = (next: boolean) => {
    store.update({ open: next });
    focusField.current = next;
    setOpen(next);
    if (!next) launcherRef.current?.focus();
  };

  async function conversation(): Promise<string> {
    let id = stateRef.current.conversationId;
    if (!id) {
      id = await client.start();
      store.update({ conversationId: id });
    }
    return id;
  }

  async function send(text: string, options: { fromField: boolean; spoken?: boolean }) {
    if (stateRef.current.pending) return;
    if (text.trim() === "") {
      dispatch({ type: "failed", message: EMPTY_MESSAGE });
      fieldRef.current?.focus();
      return;
    }
    dispatch({ type: "sending" });
    let reply: ChatReply | undefined;
    try {
      const id = await conversation();
      reply = await client.send(id, text);
      dispatch({ type: "replied", conversationId: id, text, reply });
      if (options.fromField) setDraft("");
    } catch (error) {
      fail(error);
    }
    if (options.spoken) {
      // Said aloud (the browser's recognition): the answer is read by the browser's voice too.
      if (reply) setPlayback({ id: reply.messageId, text: reply.text });
    } else if (!options.fromField) {
      // A choice or vote button disappears once used: the field keeps the focus instead.
      fieldRef.current?.focus();
    }
  }

  /** A recorded question: the service transcribes it, answers, and returns the answer spoken. */
  async function sendAudio(wav: Blob) {
    if (stateRef.current.pending) return;
    dispatch({ type: "sending" });
    try {
      const id = await conversation();
      const turn = await client.sendAudio(id, wav);
      dispatch({ type: "replied", conversationId: id, text: turn.transcript, reply: turn.reply });
      setPlayback({ id: turn.reply.messageId, url: client.resolve(turn.audio) });
    } catch (error) {
      fail(error);
    }
  }

  async function vote(messageId: string, helpful: boolean) {
    const id = stateRef.current.conversationId;
    if (!id || stateRef.current.pending) return;
    dispatch({ type: "sending" });
    try {
      dispatch({ type: "voted", messageId, helpful, reply: await client.vote(id, messageId, helpful) });
    } catch (error) {
      fail(error);
    }
    fieldRef.current?.focus();
  }

  const restart = () => {
    setRating(false);
    store.update({ conversationId: null });
    dispatch({ type: "reset" });
    setDraft("");
    fieldRef.current?.focus();
  };

  const lastReply = [...state.messages].reverse().find((message) => message.author === "assistant");
  const showRating = state.conversationId !== null && (rating || lastReply?.kind === "goodbye");
  const choices = currentChoices(state.messages);
  const awaitingVote = replyAwaitingVote(state.messages);
  const describedBy = state.error ? "ga-hint ga-error" : "ga-hint";

  const content = (
    <>
      <div class="ga-head">
        <h2 id="ga-title" class="ga-title">
          Assistant en ligne
        </h2>
        {launcher ? (
          <button type="button" class="ga-close" onClick={() => setPanel(false)}>
            Fermer<span class="ga-vh"> l'assistant</span>
          </button>
        ) : null}
      </div>
      <p class="ga-intro">
        Posez votre question sur vos démarches : les réponses citent leurs sources. Vous pouvez à tout moment
        demander à parler à un agent.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls, so keyboard users must reach it */}
      <ol ref={listRef} class="ga-messages" aria-live="polite" aria-label="Conversation" tabIndex={0}>
        {state.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            choices={choices?.messageId === message.id ? choices.choices : undefined}
            askVote={awaitingVote?.id === message.id}
            onChoose={(value) => void send(value, { fromField: false })}
            onVote={(messageId, helpful) => void vote(messageId, helpful)}
          />
        ))}
      </ol>
      <p class="ga-status" role="status">
        {state.pending ? "L'assistant prépare sa réponse…" : ""}
      </p>
      <div class="ga-alert" role="alert" id="ga-error">
        {state.error ? <p>{state.error}</p> : null}
      </div>
      {state.handedOff ? (
        <p class="ga-note">
          Votre conversation a été transmise à la mairie : les réponses des agents s'affichent ici.
        </p>
      ) : null}
      {showRating && state.conversationId ? (
        <RatingForm
          key={state.conversationId}
          rate={(note, comment) => client.rate(state.conversationId as string, note, comment)}
        />
      ) : null}
      <form
        class="ga-form"
        onSubmit={(event: Event) => {
          event.preventDefault();
          void send(draft, { fromField: true });
        }}
      >
        <label for="ga-field" class="ga-label">
          Votre message
        </label>
        <p id="ga-hint" class="ga-hint">
          Entrée pour envoyer, Maj + Entrée pour aller à la ligne.
        </p>
        <textarea
          id="ga-field"
          ref={fieldRef}
          rows={2}
          maxLength={10000}
          value={draft}
          aria-describedby={describedBy}
          onInput={(event: Event) => setDraft((event.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
            event.preventDefault();
            void send(draft, { fromField: true });
          }}
        />
        {voice ? (
          <VoiceControls
            mode={voice}
            busy={state.pending}
            playback={playback}
            onAudio={(wav) => void sendAudio(wav)}
            onText={(text) => void send(text, { fromField: false, spoken: true })}
            onError={(message) => dispatch({ type: "failed", message })}
          />
        ) : null}
        <div class="ga-actions">
          <button type="submit" class="ga-send">
            Envoyer
          </button>
          {state.handedOff ? null : (
            <button
              type="button"
              class="ga-agent"
              onClick={() => void send(HANDOFF_TEXT, { fromField: false })}
            >
              Parler à un agent
            </button>
          )}
          {state.conversationId && !showRating ? (
            <button type="button" class="ga-restart" onClick={() => setRating(true)}>
              Donner mon avis
            </button>
          ) : null}
          <button type="button" class="ga-restart" onClick={restart}>
            Nouvelle conversation
          </button>
        </div>
      </form>
    </>
  );

  return (
    <div class={`ga ga-mode-${mode}`}>
      {launcher ? (
        <button
          ref={launcherRef}
          type="button"
          class="ga-launcher"
          aria-expanded={open ? "true" : "false"}
          aria-controls="ga-panel"
          onClick={() => setPanel(!open)}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key === "Escape" && open) setPanel(false);
          }}
        >
          Poser une question
        </button>
      ) : null}
      {launcher ? (
        <div
          id="ga-panel"
          class="ga-panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby="ga-title"
          hidden={!open}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key !== "Escape") return;
            event.stopPropagation();
            setPanel(false);
          }}
        >
          {content}
        </div>
      ) : (
        <section id="ga-panel" class="ga-panel" aria-labelledby="ga-title">
          {content}
        </section>
      )}
    </div>
  );
}
