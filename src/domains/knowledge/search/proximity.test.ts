import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { conceptShare, type ProximityQuery, phraseShare } from "./proximity.ts";

// Vocabulary: 0 acte, 1 etat, 2 civil, 3 carte, 4 sejour. Query "acte d'état civil": concepts 0, 1, 2.
const conceptOf = Int32Array.from([0, 1, 2, -1, -1]);
const query: ProximityQuery = {
  conceptOf,
  weights: [0.5, 0.25, 0.25],
  pairs: [
    { first: 0, second: 1, weight: 0.25 },
    { first: 1, second: 2, weight: 0.25 },
  ],
};

describe("proximity", () => {
  it("counts the query's adjacent pairs that a text also says side by side, in order", () => {
    assert.equal(phraseShare(Uint16Array.from([3, 0, 1, 2, 4]), query), 1);
    assert.equal(phraseShare(Uint16Array.from([0, 1, 3, 2]), query), 0.5);
    // Same words, scattered or reversed: no phrase.
    assert.equal(phraseShare(Uint16Array.from([0, 3, 1, 4, 2]), query), 0);
    assert.equal(phraseShare(Uint16Array.from([2, 1, 0]), query), 0);
  });

  it("counts each pair once however often it repeats", () => {
    assert.equal(phraseShare(Uint16Array.from([0, 1, 0, 1, 0, 1]), query), 0.5);
  });

  it("sums the weights of the distinct concepts found in a range", () => {
    const sequence = Uint16Array.from([0, 0, 3, 2, 1]);
    assert.equal(conceptShare(sequence, query, 0, 2), 0.5);
    assert.equal(conceptShare(sequence, query, 0, 4), 0.75);
    assert.equal(conceptShare(sequence, query, 2, 3), 0);
  });
});
