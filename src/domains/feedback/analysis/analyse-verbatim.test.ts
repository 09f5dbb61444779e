import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyseVerbatim } from "./analyse-verbatim.ts";
import { verbatimTopicLabel } from "./verbatim-topics.ts";

type Expected = "positive" | "negative" | "none";

function polarityOf(score: number | null): Expected {
  if (score === null) return "none";
  assert.ok(score >= -1 && score <= 1, `score ${score} out of -1…1`);
  return score > 0 ? "positive" : "negative";
}

describe("analyseVerbatim: French sentiment", () => {
  const cases: [string, Expected][] = [
    ["Très bien accueillie, l'agent a pris le temps de tout m'expliquer. Merci !", "positive"],
    ["Ce n'est pas clair du tout, je n'ai rien compris au formulaire en ligne.", "negative"],
    ["J'ai envoyé mon dossier il y a trois mois et je n'ai jamais reçu de réponse.", "negative"],
    ["Accueil correct mais délais beaucoup trop longs pour une simple attestation.", "negative"],
    ["Impossible de joindre la mairie par téléphone, ça sonne dans le vide.", "negative"],
    ["Pas mal, mais le site plante au moment de payer.", "negative"],
    ["Personnel aimable et souriant, rien à redire.", "positive"],
    ["Aucun souci, démarche rapide et simple.", "positive"],
    ["On m'a renvoyé d'un service à l'autre, personne ne savait me répondre.", "negative"],
    ["J'ai déposé mon dossier hier.", "none"],
    ["Agent désagréable et méprisant.", "negative"],
    ["Je ne suis pas satisfait.", "negative"],
    ["sans difficulte, tres efficace", "positive"],
    ["PAS DE REPONSE DEPUIS 2 MOIS", "negative"],
  ];
  for (const [text, expected] of cases) {
    it(`${expected}: ${text}`, () => {
      assert.equal(polarityOf(analyseVerbatim(text).sentiment), expected);
    });
  }

  it("weighs intensifiers and negation: très bien > bien > pas mal > 0 > pas bien", () => {
    const score = (text: string) => analyseVerbatim(text).sentiment as number;
    assert.ok(score("très bien") > score("bien"));
    assert.ok(score("bien") > score("pas mal"));
    assert.ok(score("pas mal") > 0);
    assert.ok(score("pas bien") < 0);
    assert.ok(score("vraiment nul") < score("nul"));
    assert.ok(score("un peu long") > score("long"));
  });

  it("reads 'plus' as a negation only after 'ne': 'plus rapide' is praise, 'ne marche plus' is not", () => {
    assert.equal(polarityOf(analyseVerbatim("beaucoup plus rapide qu'avant").sentiment), "positive");
    assert.equal(polarityOf(analyseVerbatim("on n'est plus bien informés").sentiment), "negative");
  });

  it("keeps a negation inside its clause: 'pas de souci. Très clair.' stays positive", () => {
    assert.equal(polarityOf(analyseVerbatim("Pas de souci. Très clair.").sentiment), "positive");
  });

  it("gives no opinion for empty text", () => {
    assert.deepEqual(analyseVerbatim("   "), { sentiment: null, topics: [] });
  });
});

describe("analyseVerbatim: topics", () => {
  const cases: [string, string[]][] = [
    ["Délais beaucoup trop longs, 3 mois d'attente pour un passeport.", ["delais"]],
    ["Accueil au guichet chaleureux.", ["accueil", "amabilite"]],
    ["Le formulaire en ligne bugue à chaque connexion.", ["site-internet"]],
    ["Impossible de vous joindre par téléphone, toujours le répondeur.", ["telephone"]],
    ["On m'a demandé trois fois les mêmes pièces justificatives.", ["documents"]],
    ["Les informations étaient contradictoires et pas claires.", ["clarte"]],
    ["Horaires d'ouverture inadaptés, fermé le samedi.", ["horaires"]],
    ["Pas de parking et aucun accès PMR.", ["acces"]],
    ["Le timbre fiscal coûte cher et le paiement en ligne ne marche pas.", ["site-internet", "paiement"]],
    ["Aucune nouvelle de ma demande, pas de suivi.", ["suivi"]],
    ["Aucun créneau de rendez-vous avant juin.", ["rendez-vous"]],
    ["Baladé de bureau en bureau, personne n'est le bon interlocuteur.", ["orientation"]],
    ["Rien à signaler.", []],
  ];
  for (const [text, topics] of cases) {
    it(`${topics.join(", ") || "aucun"}: ${text}`, () => {
      assert.deepEqual(analyseVerbatim(text).topics, topics);
    });
  }

  it("matches without accents or case and not inside other words ('sitee' is not 'site')", () => {
    assert.deepEqual(analyseVerbatim("DELAIS ENORMES").topics, ["delais"]);
    assert.deepEqual(analyseVerbatim("une situation sitee ailleurs").topics, []);
  });

  it("has French labels for its stable ids", () => {
    assert.equal(verbatimTopicLabel("delais"), "Délais");
    assert.equal(verbatimTopicLabel("site-internet"), "Site internet et démarches en ligne");
    assert.equal(verbatimTopicLabel("ancien-theme"), "ancien-theme");
  });
});
