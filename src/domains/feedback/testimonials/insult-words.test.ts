import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findInsults, maskInsults } from "./insult-words.ts";

describe("insult words", () => {
  it("finds insults whatever the accents and case, once each", () => {
    assert.deepEqual(findInsults("Bande d'ABRUTIS, vraiment des Crétins… des abrutis !"), [
      "abrutis",
      "cretins",
    ]);
  });
  it("does not flag ordinary words that contain an insult", () => {
    assert.deepEqual(findInsults("Le conseiller a été consciencieux, le contrat est clair."), []);
  });
  it("masks insults in a quote and keeps the rest", () => {
    assert.equal(maskInsults("Des incapables, 3 semaines d'attente."), "Des […], 3 semaines d'attente.");
  });
});
