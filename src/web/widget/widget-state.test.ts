import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ChatEntry, ChatReply } from "./chat-types.ts";
import {
  currentChoices,
  INITIAL_STATE,
  replyAwaitingVote,
  safeHref,
  type WidgetState,
  widgetReducer,
} from "./widget-state.ts";

function aReply(overrides: Partial<ChatReply> = {}): ChatReply {
  return {
    messageId: "m1",
    kind: "answer",
    text: "D'après « Passeport » : …",
    sources: [
      { id: "F14929", title: "Passeport", url: "http://guichet.test/fiches/F14929", date: "2026-01-02" },
    ],
    choices: [],
    handoff: false,
    askHelpful: true,
    ...overrides,
  };
}

function anEntry(overrides: Partial<ChatEntry>): ChatEntry {
  return {
    id: "e1",
    author: "assistant",
    kind: "answer",
    text: "",
    sources: [],
    choices: [],
    askHelpful: false,
    helpful: null,
    at: "2026-01-02T10:00:00.000Z",
    ...overrides,
  };
}

describe("widget state", () => {
  it("shows the question then the reply, and asks for a vote under the latest answer only", () => {
    let state = widgetReducer(INITIAL_STATE, { type: "sending" });
    assert.equal(state.pending, true);
    state = widgetReducer(state, {
      type: "replied",
      conversationId: "c1",
      text: "passeport",
      reply: aReply(),
    });
    assert.deepEqual(
      state.messages.map((m) => [m.author, m.text]),
      [
        ["citizen", "passeport"],
        ["assistant", "D'après « Passeport » : …"],
      ],
    );
    assert.equal(state.conversationId, "c1");
    assert.equal(state.pending, false);
    assert.equal(replyAwaitingVote(state.messages)?.id, "m1");

    const voted = widgetReducer(state, {
      type: "voted",
      messageId: "m1",
      helpful: false,
      reply: aReply({ messageId: "m2", kind: "feedback", askHelpful: false, sources: [] }),
    });
    assert.equal(voted.messages.find((m) => m.id === "m1")?.helpful, false);
    assert.equal(replyAwaitingVote(voted.messages), undefined);
  });

  it("offers choices under the latest reply only", () => {
    const clarify = aReply({
      messageId: "m1",
      kind: "clarify",
      askHelpful: false,
      choices: [
        { label: "Carte d'identité", value: "1" },
        { label: "Carte grise", value: "2" },
      ],
    });
    let state = widgetReducer(INITIAL_STATE, {
      type: "replied",
      conversationId: "c1",
      text: "carte",
      reply: clarify,
    });
    assert.deepEqual(
      currentChoices(state.messages)?.choices.map((c) => c.value),
      ["1", "2"],
    );
    state = widgetReducer(state, {
      type: "replied",
      conversationId: "c1",
      text: "1",
      reply: aReply({ messageId: "m2" }),
    });
    assert.equal(currentChoices(state.messages), undefined);
  });

  it("records the hand-off with its reference and adds each agent message once", () => {
    let state: WidgetState = widgetReducer(INITIAL_STATE, {
      type: "replied",
      conversationId: "c1",
      text: "jeanne@example.org",
      reply: aReply({
        kind: "handoff",
        handoff: true,
        askHelpful: false,
        case: { reference: "GU-2026-000012" },
      }),
    });
    assert.equal(state.handedOff, true);
    assert.equal(state.messages.at(-1)?.caseReference, "GU-2026-000012");
    const event = { id: "a1", text: "Bonjour, je m'en occupe.", at: "2026-01-02T10:00:00.000Z" };
    state = widgetReducer(state, { type: "agent", event });
    state = widgetReducer(state, { type: "agent", event });
    assert.deepEqual(
      state.messages.filter((m) => m.author === "agent").map((m) => m.text),
      ["Bonjour, je m'en occupe."],
    );
  });

  it("resumes a stored conversation, finding a past hand-off and its reference", () => {
    const state = widgetReducer(INITIAL_STATE, {
      type: "restored",
      conversationId: "c1",
      entries: [
        anEntry({ id: "q", author: "citizen", kind: "question", text: "un humain" }),
        anEntry({
          id: "h",
          kind: "handoff",
          text: "C'est transmis.",
          case: { reference: "MAIRIE-2026-000042" },
        }),
      ],
    });
    assert.equal(state.handedOff, true);
    assert.equal(state.messages[1]?.caseReference, "MAIRIE-2026-000042");
  });

  it("keeps the French error, and forgets an expired conversation", () => {
    const started = widgetReducer(INITIAL_STATE, {
      type: "replied",
      conversationId: "c1",
      text: "x",
      reply: aReply(),
    });
    const failed = widgetReducer(started, { type: "failed", message: "Trop de tentatives." });
    assert.equal(failed.error, "Trop de tentatives.");
    assert.equal(failed.messages.length, 2);
    const expired = widgetReducer(failed, {
      type: "expired",
      message: "Cette conversation n'existe pas ou a expiré.",
    });
    assert.deepEqual(expired, { ...INITIAL_STATE, error: "Cette conversation n'existe pas ou a expiré." });
  });

  it("links only to web addresses", () => {
    assert.equal(
      safeHref("https://www.service-public.fr/particuliers/vosdroits/F1"),
      "https://www.service-public.fr/particuliers/vosdroits/F1",
    );
    assert.equal(safeHref("javascript:alert(1)"), undefined);
    assert.equal(safeHref("data:text/html,<b>x</b>"), undefined);
    assert.equal(safeHref("/fiches/F1"), undefined);
  });
});
