import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixedSentences, warmSpeech } from "./voice-engines.ts";

describe("voice engines: the sentences spoken at start", () => {
  it("lists the greeting, the menus' own lines and the flow's questions, each once, without menu items", () => {
    const sentences = fixedSentences("Ville de Démo");
    for (const expected of [
      "Bonjour, vous êtes en relation avec l'assistant automatique de Ville de Démo.",
      "Choisissez un sujet.",
      "Choisissez la démarche.",
      "Pour parler à un agent, tapez 0.",
      "Voulez-vous autre chose ?",
      "Merci de votre appel.",
    ])
      assert.ok(sentences.includes(expected), expected);
    assert.equal(new Set(sentences).size, sentences.length);
    assert.ok(sentences.every((sentence) => !sentence.includes("ITEM")));
  });

  it("speaks them one at a time", async () => {
    let running = 0;
    const spoken: string[] = [];
    await warmSpeech(
      {
        synthesize: async (text) => {
          running++;
          assert.equal(running, 1);
          await new Promise((resolve) => setTimeout(resolve, 1));
          spoken.push(text);
          running--;
          return new Int16Array(1);
        },
      },
      ["Un.", "Deux.", "Trois."],
    );
    assert.deepEqual(spoken, ["Un.", "Deux.", "Trois."]);
  });
});
