import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readTestimonialForm } from "./testimonial-input.ts";

const VALID = {
  canal: "guichet",
  titre: "Un accueil patient",
  recit: "L'agent a pris le temps de m'expliquer chaque pièce à fournir pour le passeport.",
  ressenti: "satisfait",
  etiquettes: ["accueil"],
};

describe("reading a testimonial", () => {
  it("accepts a complete testimonial and scrubs contact details from its text", () => {
    const result = readTestimonialForm({
      ...VALID,
      recit: "Rappelez-moi au 06 12 34 56 78 ou jeanne.martin@example.org, merci pour l'accueil.",
    });
    assert.ok(result.ok);
    assert.equal(result.input.story, "Rappelez-moi au [téléphone] ou [e-mail], merci pour l'accueil.");
    assert.equal(result.input.notifyEmail, null);
  });

  it("lists every refusal at once, in French, by field", () => {
    const result = readTestimonialForm({ etiquettes: ["zeppelin"], email: "pas-une-adresse" });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.field),
      ["canal", "titre", "recit", "ressenti", "etiquettes", "email"],
    );
    assert.equal(result.errors[2]?.message, "Racontez ce qui s'est passé.");
  });

  it("refuses a 20,000-character story with its length", () => {
    const result = readTestimonialForm({ ...VALID, recit: "a".repeat(20_000) });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      { field: "recit", message: "Votre récit est trop long : 4000 caractères au plus (il en fait 20000)." },
    ]);
  });

  it("flags insults for the moderator instead of refusing", () => {
    const result = readTestimonialForm({
      ...VALID,
      recit: "Trois heures d'attente, bande d'incapables et d'abrutis.",
    });
    assert.ok(result.ok);
    assert.deepEqual(result.input.flaggedWords, ["incapables", "abrutis"]);
  });
});
