import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { uniqueSlug } from "./unique-slug.ts";

describe("uniqueSlug", () => {
  it("derives the slug from the French title", () => {
    assert.equal(
      uniqueSlug({ title: "Où déposer le dossier de mariage ?", kind: "faq", taken: new Set() }),
      "ou-deposer-le-dossier-de-mariage",
    );
  });

  it("suffixes -2, -3… when the slug is taken", () => {
    const taken = new Set(["horaires-de-la-mairie"]);
    assert.equal(
      uniqueSlug({ title: "Horaires de la mairie", kind: "faq", taken }),
      "horaires-de-la-mairie-2",
    );
    taken.add("horaires-de-la-mairie-2");
    assert.equal(
      uniqueSlug({ title: "Horaires de la mairie", kind: "faq", taken }),
      "horaires-de-la-mairie-3",
    );
  });

  it("fills a gap left by a deleted item", () => {
    const taken = new Set(["travaux", "travaux-3"]);
    assert.equal(uniqueSlug({ title: "Travaux", kind: "news", taken }), "travaux-2");
  });

  it("falls back to a word of the kind when the title has no letters or digits", () => {
    assert.equal(uniqueSlug({ title: "?!…", kind: "news", taken: new Set() }), "actualite");
    assert.equal(uniqueSlug({ title: "«»", kind: "procedure", taken: new Set(["demarche"]) }), "demarche-2");
  });
});
