/** How a reply is read out in the browser, and the short-lived cache of its speech. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AssistantContext } from "../../../domains/assistant/index.ts";
import { isAppError } from "../../../shared/app-error.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { parseWav } from "../../voice/wav.ts";
import { createSpokenReplies, spokenText } from "./assistant-voice-turn.ts";

const SOURCE = {
  id: "F1367",
  title: "Listes électorales",
  url: "https://guichet.test/fiches/F1367",
  date: null,
};

describe("spoken replies (browser voicebot)", () => {
  it("reads no URL, keeps the choices, and says the link is on screen", () => {
    const answer = spokenText({
      kind: "answer",
      text: "Inscrivez-vous en ligne sur https://www.service-public.fr/particuliers/vosdroits/F1367 ou en mairie. Le délai est de 6 semaines.",
      choices: [],
      sources: [SOURCE],
    });
    assert.doesNotMatch(answer, /https?:|www\./);
    assert.match(
      answer,
      /en mairie\. Le délai est de 6 semaines\. Le lien vers la page est affiché sous la réponse\.$/,
    );
    const clarify = spokenText({
      kind: "clarify",
      text: "Vous cherchez plutôt :\n1. Carte d'identité\n2. Passeport",
      choices: [
        { label: "Carte d'identité", value: "1" },
        { label: "Passeport", value: "2" },
      ],
      sources: [],
    });
    assert.match(clarify, /1\. Carte d'identité 2\. Passeport/);
  });

  it("prepares the speech once and serves it from memory; a failed engine is reported and not kept", async () => {
    let calls = 0;
    let fail = false;
    const spoken = createSpokenReplies({
      // Never read: the reply was prepared, so the database is not asked.
      assistant: {} as AssistantContext,
      clock: fixedClock(new Date("2026-03-10T09:00:00Z")),
      tts: {
        async synthesize(text) {
          calls++;
          if (fail) throw new Error("espeak-ng missing");
          return Int16Array.from({ length: 8_000 }, (_, i) => (text.length * i) % 3000);
        },
      },
    });
    const reply = {
      messageId: "0b7f6f4e-1111-4a4a-8888-123456789abc",
      kind: "answer" as const,
      text: "Bonjour.",
      choices: [],
      sources: [],
    };
    spoken.prepare("conv-a", reply);
    const input = { organisationId: "org", conversationId: "conv-a", messageId: reply.messageId };
    const first = await spoken.wav(input);
    const second = await spoken.wav(input);
    assert.equal(calls, 1);
    assert.equal(first, second);
    assert.equal(parseWav(first as Uint8Array).sampleRate, 8_000);

    fail = true;
    spoken.prepare("conv-b", { ...reply, text: "Au revoir." });
    await assert.rejects(
      spoken.wav({ ...input, conversationId: "conv-b" }),
      (error: unknown) => isAppError(error) && error.code === "UNAVAILABLE",
    );
  });
});
