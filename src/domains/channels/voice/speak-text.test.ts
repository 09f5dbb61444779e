import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { choiceLine, forTheEar, speakReference, speakReply, spokenKey, spokenYesNo } from "./speak-text.ts";

describe("speak text", () => {
  it("never reads a URL, and says where the details are instead", () => {
    const spoken = speakReply({
      kind: "answer",
      text: "D'après « Passeport » : Faites la demande sur https://passeport.ants.gouv.fr/demarches (ou www.ants.gouv.fr).",
      sources: [{ id: "F14929", title: "Passeport", url: "https://x/F14929", date: null }],
      choices: [],
    });
    assert.doesNotMatch(spoken, /https?:|www\.|ants\.gouv|«|»|\(\s*\)/);
    assert.match(spoken, /^D'après Passeport : Faites la demande sur\./);
    assert.match(spoken, /Le détail est sur le site internet de la mairie\.$/);
  });

  it("drops the numbered choices (the call reads them as a menu) but keeps the question", () => {
    const spoken = speakReply({
      kind: "clarify",
      text: "Vous cherchez plutôt :\n1. Carte d'identité\n2. Carte grise",
      sources: [],
      choices: [
        { label: "Carte d'identité", value: "1" },
        { label: "Carte grise", value: "2" },
      ],
    });
    assert.equal(spoken, "Vous cherchez plutôt :");
  });

  it("writes symbols, hours and references as words", () => {
    assert.equal(
      forTheEar("Coût : 86 € ; délai 8h30 à 12h"),
      "Coût : 86 euros, délai 8 heures 30 à 12 heures",
    );
    assert.equal(forTheEar("Référence GU-2026-000123."), "Référence G U, 2026, 0 0 0 1 2 3.");
    assert.equal(speakReference("GU-2026-000123"), "G U, 2026, 0 0 0 1 2 3");
  });

  it("keeps a spoken answer to about 30 seconds, cut on a sentence", () => {
    const long = Array.from({ length: 20 }, (_, i) => `Phrase numéro ${i} avec quelques mots de plus.`).join(
      " ",
    );
    const spoken = speakReply({ kind: "answer", text: long, sources: [], choices: [] });
    const words = spoken.split(/\s+/).length;
    assert.ok(words <= 70 && words >= 50, `${words} mots`);
    assert.match(spoken, /plus\.$/);
  });

  it("reads a choice as 'pour X, dites 1 ou tapez 1', without doubling a label's own 'Pour'", () => {
    assert.equal(choiceLine("Carte grise", "2", true), "Pour Carte grise, dites 2 ou tapez 2.");
    assert.equal(choiceLine("Carte grise", "2", false), "Pour Carte grise, tapez 2.");
    assert.equal(
      choiceLine("Pour un majeur : première demande", "1", false),
      "Pour un majeur : première demande, tapez 1.",
    );
  });

  it("hears keys said in words, and leaves real questions alone", () => {
    assert.equal(spokenKey("Deux."), "2");
    assert.equal(spokenKey("le premier"), "1");
    assert.equal(spokenKey("euh trois"), "3");
    assert.equal(spokenKey("zéro"), "0");
    assert.equal(spokenKey("étoile"), "*");
    assert.equal(spokenKey("deux cartes d'identité perdues"), null);
    assert.equal(spokenYesNo("Oui merci"), true);
    assert.equal(spokenYesNo("non merci, au revoir"), false);
    assert.equal(spokenYesNo("comment faire un passeport"), null);
  });
});
