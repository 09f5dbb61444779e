/**
 * What the widget shows, as a pure reducer: the browser parts (fetch, EventSource, storage) only
 * dispatch actions, so the rules — which reply still asks for a vote, when a hand-off happened,
 * that an agent's message is shown once — are tested without a browser.
 */
import type { AgentEvent, ChatChoice, ChatEntry, ChatReply, ChatSource } from "./chat-types.ts";

export type WidgetMessage = {
  id: string;
  author: "citizen" | "assistant" | "agent";
  kind: string;
  text: string;
  sources: ChatSource[];
  choices: ChatChoice[];
  askHelpful: boolean;
  helpful: boolean | null;
  /** The case a hand-off opened, shown under the reply. */
  caseReference?: string | undefined;
  trackingUrl?: string | undefined;
};

export type WidgetState = {
  conversationId: string | null;
  messages: WidgetMessage[];
  pending: boolean;
  /** French message from the API (or about the network), shown in the alert region. */
  error: string | null;
  /** A case exists: agents' replies arrive live, "Parler à un agent" has been done. */
  handedOff: boolean;
};

export type WidgetAction =
  | { type: "restored"; conversationId: string; entries: ChatEntry[] }
  | { type: "sending" }
  | { type: "replied"; conversationId: string; text: string; reply: ChatReply }
  | { type: "voted"; messageId: string; helpful: boolean; reply: ChatReply }
  | { type: "agent"; event: AgentEvent }
  | { type: "failed"; message: string }
  | { type: "expired"; message: string }
  | { type: "reset" };

export const INITIAL_STATE: WidgetState = {
  conversationId: null,
  messages: [],
  pending: false,
  error: null,
  handedOff: false,
};

function fromReply(reply: ChatReply): WidgetMessage {
  return {
    id: reply.messageId,
    author: "assistant",
    kind: reply.kind,
    text: reply.text,
    sources: reply.sources,
    choices: reply.choices,
    askHelpful: reply.askHelpful,
    helpful: null,
    caseReference: reply.handoff ? reply.case?.reference : undefined,
    trackingUrl: reply.handoff ? reply.case?.trackingUrl : undefined,
  };
}

function fromEntry(entry: ChatEntry): WidgetMessage {
  return {
    id: entry.id,
    author: entry.author,
    kind: entry.kind,
    text: entry.text,
    sources: entry.sources,
    choices: entry.choices,
    askHelpful: entry.askHelpful,
    helpful: entry.helpful,
    caseReference: handoffReference(entry),
  };
}

function citizenMessage(id: string, text: string): WidgetMessage {
  return {
    id,
    author: "citizen",
    kind: "question",
    text,
    sources: [],
    choices: [],
    askHelpful: false,
    helpful: null,
  };
}

export function widgetReducer(state: WidgetState, action: WidgetAction): WidgetState {
  switch (action.type) {
    case "restored": {
      const messages = action.entries.map(fromEntry);
      return {
        ...INITIAL_STATE,
        conversationId: action.conversationId,
        messages,
        handedOff: messages.some((m) => m.kind === "handoff" || m.author === "agent"),
      };
    }
    case "sending":
      return { ...state, pending: true, error: null };
    case "replied":
      return {
        ...state,
        conversationId: action.conversationId,
        pending: false,
        error: null,
        handedOff: state.handedOff || action.reply.handoff,
        messages: [
          ...state.messages,
          citizenMessage(`${action.reply.messageId}-question`, action.text),
          fromReply(action.reply),
        ],
      };
    case "voted":
      return {
        ...state,
        pending: false,
        error: null,
        messages: [
          ...state.messages.map((m) => (m.id === action.messageId ? { ...m, helpful: action.helpful } : m)),
          fromReply(action.reply),
        ],
      };
    case "agent":
      if (state.messages.some((m) => m.id === action.event.id)) return state;
      return {
        ...state,
        messages: [
          ...state.messages,
          { ...citizenMessage(action.event.id, action.event.text), author: "agent", kind: "agent" },
        ],
      };
    case "failed":
      return { ...state, pending: false, error: action.message };
    case "expired":
      // The stored conversation is gone: the next message starts a new one.
      return { ...INITIAL_STATE, error: action.message };
    case "reset":
      return INITIAL_STATE;
  }
}

/** What the rules below read of a message: the widget's, or an entry of the /assistant page. */
type ChatTurn = {
  id: string;
  author: "citizen" | "assistant" | "agent";
  choices: ChatChoice[];
  askHelpful: boolean;
  helpful: boolean | null;
};

function lastNonAgent<T extends ChatTurn>(messages: T[]): T | undefined {
  // A loop rather than findLast: town sites are visited with older browsers too.
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.author !== "agent") return messages[i];
  return undefined;
}

/** The reply whose Oui / Non buttons are shown: the latest one asking, if nothing was said since. */
export function replyAwaitingVote<T extends ChatTurn>(messages: T[]): T | undefined {
  const last = lastNonAgent(messages);
  return last && last.author === "assistant" && last.askHelpful && last.helpful === null ? last : undefined;
}

/** Choices are offered only under the latest reply: older ones no longer apply. */
export function currentChoices<T extends ChatTurn>(
  messages: T[],
): { messageId: string; choices: ChatChoice[] } | undefined {
  const last = lastNonAgent(messages);
  return last && last.author === "assistant" && last.choices.length > 0
    ? { messageId: last.id, choices: last.choices }
    : undefined;
}

/** The case reference a stored hand-off reply carries. */
export function handoffReference(entry: {
  kind: string;
  case?: { reference: string } | undefined;
}): string | undefined {
  return entry.kind === "handoff" ? entry.case?.reference : undefined;
}

/** Only web links become links: a source URL is data from the server, never a script. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
