/**
 * A spoken turn of the web assistant: the recording goes through the speech-to-text plug-in, the words
 * heard go to the same `postCitizenMessage` as a typed message, and the reply is spoken by the
 * text-to-speech engine when the browser asks for its audio. The speech of a reply is prepared as soon
 * as the reply exists and kept a few minutes, only under its own conversation.
 */
import {
  type AssistantContext,
  type AssistantReply,
  listConversationEntries,
  loadConversation,
  postCitizenMessage,
  type TurnReply,
} from "../../../domains/assistant/index.ts";
import {
  type SpeechToText,
  speakReply,
  spokenKey,
  type TextToSpeech,
  VOICE_SAMPLE_RATE,
} from "../../../domains/channels/voice/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import { encodeWav } from "../../voice/wav.ts";
import { type CitizenAudio, nothingUnderstood } from "./assistant-voice-audio.ts";

const SPOKEN_TTL_MS = 10 * 60_000;
const SPOKEN_MAX_BYTES = 32 * 1024 * 1024;
const ON_SCREEN = "Le lien vers la page est affiché sous la réponse.";

type SpokenEntry = Pick<AssistantReply, "kind" | "text" | "choices" | "sources">;

/**
 * The reply as it is read out in a browser: shortened for the ear, no URL read; the choices stay in
 * the text (they are also on screen), and an answer says where its link is.
 */
export function spokenText(reply: SpokenEntry): string {
  const text = speakReply({ ...reply, choices: [], sources: [] });
  return reply.kind === "answer" && reply.sources.length > 0 ? `${text} ${ON_SCREEN}` : text;
}

/** "deux", "le premier": a choice said as a number word is sent as its digit, as a button would. */
function asTyped(transcript: string): string {
  const key = spokenKey(transcript);
  return key && /^[1-9]$/.test(key) ? key : transcript;
}

export async function answerSpokenQuestion(
  context: { assistant: AssistantContext; stt: SpeechToText },
  input: { organisationId: string; conversationId: string; audio: CitizenAudio },
): Promise<{ transcript: string; turn: TurnReply }> {
  // Refused before speech-to-text is paid for: an unknown or expired conversation.
  await loadConversation(context.assistant, input.organisationId, input.conversationId);
  const transcript = (await context.stt.transcribe(input.audio.pcm))?.trim();
  if (!transcript) throw nothingUnderstood();
  const turn = await postCitizenMessage(context.assistant, {
    organisationId: input.organisationId,
    conversationId: input.conversationId,
    text: asTyped(transcript),
  });
  return { transcript, turn };
}

export type SpokenReplies = {
  /** Starts speaking a reply just posted, so its audio is ready when the browser asks. */
  prepare(conversationId: string, reply: SpokenEntry & { messageId: string }): void;
  /** The WAV of a reply of this conversation, or null when the conversation has no such reply. */
  wav(input: {
    organisationId: string;
    conversationId: string;
    messageId: string;
  }): Promise<Uint8Array | null>;
};

export function createSpokenReplies(options: {
  assistant: AssistantContext;
  tts: TextToSpeech;
  clock: Clock;
}): SpokenReplies {
  const cache = new Map<string, { expires: number; bytes: number; wav: Promise<Uint8Array> }>();
  let total = 0;

  const forget = (key: string) => {
    const entry = cache.get(key);
    if (!entry) return;
    total -= entry.bytes;
    cache.delete(key);
  };

  const store = (key: string, text: string): Promise<Uint8Array> => {
    const now = options.clock.now().getTime();
    for (const [old, entry] of cache) if (entry.expires <= now) forget(old);
    const wav = options.tts.synthesize(text).then((pcm) => encodeWav(pcm, VOICE_SAMPLE_RATE));
    cache.set(key, { expires: now + SPOKEN_TTL_MS, bytes: 0, wav });
    wav.then(
      (audio) => {
        const entry = cache.get(key);
        if (!entry || entry.wav !== wav) return;
        entry.bytes = audio.length;
        total += audio.length;
        // Oldest first, until the cache fits again.
        for (const [old] of cache) {
          if (total <= SPOKEN_MAX_BYTES) break;
          forget(old);
        }
      },
      () => forget(key),
    );
    return wav;
  };

  return {
    prepare(conversationId, reply) {
      store(`${conversationId}/${reply.messageId}`, spokenText(reply)).catch(() => undefined);
    },
    async wav(input) {
      const key = `${input.conversationId}/${input.messageId}`;
      const cached = cache.get(key);
      let wav: Promise<Uint8Array>;
      if (cached && cached.expires > options.clock.now().getTime()) wav = cached.wav;
      else {
        const entries = await listConversationEntries(options.assistant, input);
        // Replies only (the assistant's or an agent's), never the citizen's own words.
        const entry = entries.find((e) => e.id === input.messageId && e.author !== "citizen");
        if (!entry || entry.kind === "question") return null;
        wav = store(key, spokenText({ ...entry, kind: entry.kind }));
      }
      try {
        return await wav;
      } catch (error) {
        throw new AppError("UNAVAILABLE", { message: "text-to-speech failed", cause: error });
      }
    },
  };
}
