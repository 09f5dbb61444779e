/**
 * Calls to the public chat API from the town's site: no cookie is sent (the conversation id is the
 * key), and every refusal comes back as the API's French message, ready to show.
 */
import type { ChatEntry, ChatReply, VoiceTurn } from "./chat-types.ts";
import type { VoiceCapabilities } from "./voice-mode.ts";

const NETWORK_MESSAGE =
  "Le service de l'assistant ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.";
const UNEXPECTED_MESSAGE = "Une erreur inattendue s'est produite. Veuillez réessayer plus tard.";

export class ChatError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type ChatClient = {
  start(): Promise<string>;
  send(conversationId: string, text: string): Promise<ChatReply>;
  vote(conversationId: string, messageId: string, helpful: boolean): Promise<ChatReply>;
  list(conversationId: string): Promise<ChatEntry[]>;
  /** The end-of-chat questionnaire; resolves with the API's French thanks. */
  rate(conversationId: string, note: number, comment: string): Promise<string>;
  eventsUrl(conversationId: string): string;
  /** Whether the service takes spoken questions, or lets the browser's own engines be used. */
  voice(): Promise<VoiceCapabilities>;
  /** A spoken question (WAV): what was heard, the reply, and where to listen to it. */
  sendAudio(conversationId: string, wav: Blob): Promise<VoiceTurn>;
  /** An address the API returned ("/api/v1/…"), under the Guichet the widget came from. */
  resolve(path: string): string;
};

/** `baseUrl` ends with "/" (the folder widget.js was loaded from). */
export function createChatClient(baseUrl: string): ChatClient {
  const url = (path: string) => new URL(path, baseUrl).href;
  const conversation = (id: string) => `api/v1/conversations/${encodeURIComponent(id)}`;

  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    let response: Response;
    const raw = body instanceof Blob;
    try {
      response = await fetch(url(path), {
        method,
        mode: "cors",
        credentials: "omit",
        headers: body === undefined ? {} : { "content-type": raw ? body.type : "application/json" },
        body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      });
    } catch {
      throw new ChatError(0, "NETWORK", NETWORK_MESSAGE);
    }
    const json = (await response.json().catch(() => null)) as
      | (T & { error?: { code?: string; message?: string } })
      | null;
    if (response.ok && json) return json;
    const error = json?.error;
    throw new ChatError(response.status, error?.code ?? "UNKNOWN", error?.message ?? UNEXPECTED_MESSAGE);
  }

  return {
    start: async () => (await call<{ id: string }>("POST", "api/v1/conversations", { channel: "widget" })).id,
    send: async (id, text) =>
      (await call<{ reply: ChatReply }>("POST", `${conversation(id)}/messages`, { text })).reply,
    vote: async (id, messageId, helpful) =>
      (await call<{ reply: ChatReply }>("POST", `${conversation(id)}/votes`, { messageId, helpful })).reply,
    list: async (id) =>
      (await call<{ messages: ChatEntry[] }>("GET", `${conversation(id)}/messages`)).messages,
    rate: async (id, note, comment) =>
      (
        await call<{ message: string }>("POST", `${conversation(id)}/avis`, {
          note,
          ...(comment.trim() ? { commentaire: comment } : {}),
        })
      ).message,
    eventsUrl: (id) => url(`${conversation(id)}/events`),
    voice: () => call<VoiceCapabilities>("GET", "api/v1/voice"),
    sendAudio: (id, wav) => call<VoiceTurn>("POST", `${conversation(id)}/audio`, wav),
    resolve: (path) => url(path.replace(/^\/+/, "")),
  };
}
