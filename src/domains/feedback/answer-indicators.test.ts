import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answerIndicators, verbatimOf } from "./answer-indicators.ts";
import { CSAT, EPIC, JDMA, NPS } from "./standard-questionnaires.ts";
import { validateAnswers } from "./validate-answers.ts";

function indicatorsOf(definition: typeof JDMA, input: Record<string, unknown>) {
  const result = validateAnswers(definition, input);
  assert.ok(result.ok, JSON.stringify(result));
  return answerIndicators(definition, result.value.answers);
}

describe("answerIndicators", () => {
  it("computes the JDMA indicators of an answer that tried three channels", () => {
    // By hand: "Moyen" = 5/10; clarity 2; tried guichet, téléphone, e-mail (3), reached guichet and
    // e-mail (2); quality of the reached ones: Bonne 4 and Excellente 5 → 4.5 (téléphone's "Très
    // mauvaise" does not count: not reached); not autonomous.
    const indicators = indicatorsOf(JDMA, {
      satisfaction: "moyen",
      clarte: "2",
      aide: ["guichet", "telephone", "email", "sites_internet"],
      aide_administration: {
        guichet: { reached: "oui", quality: "bonne" },
        telephone: { reached: "non", quality: "tres_mauvaise" },
        email: { reached: "oui", quality: "excellente" },
      },
    });
    assert.deepEqual(indicators, {
      satisfaction: 5,
      clarity: 2,
      helpSought: ["guichet", "telephone", "email", "sites_internet"],
      autonomous: false,
      helpTried: 3,
      helpReached: 2,
      helpQuality: 4.5,
      csat: null,
      nps: null,
    });
  });

  it("marks « Je n'ai pas eu besoin d'aide » as autonomous, and leaves unanswered ones null", () => {
    assert.deepEqual(indicatorsOf(JDMA, { satisfaction: "tres_bien", aide: ["aucune"] }), {
      satisfaction: 10,
      clarity: null,
      helpSought: ["aucune"],
      autonomous: true,
      helpTried: 0,
      helpReached: 0,
      helpQuality: null,
      csat: null,
      nps: null,
    });
    const none = indicatorsOf(JDMA, { satisfaction: "pas_bien" });
    assert.equal(none.satisfaction, 0);
    assert.equal(none.autonomous, null);
    assert.equal(none.helpTried, null);
  });

  it("leaves « Ne se prononce pas » out of the quality mean", () => {
    const indicators = indicatorsOf(JDMA, {
      satisfaction: "moyen",
      aide: ["chat", "telephone"],
      aide_administration: {
        chat: { reached: "oui", quality: "ne_se_prononce_pas" },
        telephone: { reached: "oui", quality: "mauvaise" },
      },
    });
    assert.equal(indicators.helpReached, 2);
    assert.equal(indicators.helpQuality, 2);
  });

  it("reads CSAT, NPS and the EPIC satisfaction", () => {
    assert.equal(indicatorsOf(CSAT, { csat: "4" }).csat, 4);
    assert.equal(indicatorsOf(NPS, { nps: "9" }).nps, 9);
    const epic = indicatorsOf(EPIC, { satisfaction: "tres_bien", respect: "5" });
    assert.equal(epic.satisfaction, 10);
    assert.equal(epic.clarity, null);
  });

  it("joins the free texts of an answer into one verbatim", () => {
    assert.equal(
      verbatimOf(EPIC, { moment_detail: "L'accueil.", appris_detail: "Les pièces à fournir." }),
      "L'accueil.\n\nLes pièces à fournir.",
    );
    assert.equal(verbatimOf(JDMA, { satisfaction: "moyen" }), null);
  });
});
