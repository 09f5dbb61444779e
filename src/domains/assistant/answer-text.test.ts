import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractiveAnswerText, shortenForReading } from "./answer-text.ts";

describe("shortenForReading", () => {
  it("keeps whole sentences up to the word budget and marks the cut", () => {
    const text =
      "Première phrase courte. Deuxième phrase un peu plus longue que la première. Troisième phrase.";
    assert.equal(shortenForReading(text, 8), "Première phrase courte. …");
    assert.equal(shortenForReading(text, 50), text);
  });

  it("ends list lines like sentences so they do not run together", () => {
    assert.equal(
      shortenForReading("Pièces à fournir :\nPhoto d'identité\nJustificatif de domicile"),
      "Pièces à fournir : Photo d'identité ; Justificatif de domicile.",
    );
  });

  it("cuts a single over-long sentence at the budget", () => {
    const words = Array.from({ length: 120 }, (_, i) => `mot${i}`).join(" ");
    const short = shortenForReading(words, 80);
    assert.equal(short.split(" ").length, 81);
    assert.ok(short.endsWith("mot79 …"));
  });
});

describe("extractiveAnswerText", () => {
  it("says where the answer comes from: page title and section", () => {
    const text = extractiveAnswerText({
      page: { sourceId: "F1", title: "Passeport", url: "/fiches/F1", date: null, passages: [] },
      passage: { headings: ["Majeur", "Coût"], text: "Le timbre fiscal coûte 86 €." },
      index: 0,
      score: 1,
    });
    assert.equal(text, "D'après « Passeport (Majeur, Coût) » : Le timbre fiscal coûte 86 €.");
  });
});
