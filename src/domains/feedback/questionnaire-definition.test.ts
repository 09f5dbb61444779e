import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { definitionProblems, fieldsOf, parseDefinition } from "./questionnaire-definition.ts";
import { JDMA, STANDARD_QUESTIONNAIRES } from "./standard-questionnaires.ts";

describe("questionnaire definitions", () => {
  it("accepts every built-in questionnaire as stored JSON", () => {
    for (const standard of STANDARD_QUESTIONNAIRES) {
      const stored = JSON.parse(JSON.stringify(standard.definition));
      assert.deepEqual(parseDefinition(stored), standard.definition, standard.slug);
    }
  });

  it("asks the JDMA questions word for word with their scales", () => {
    const byId = Object.fromEntries(fieldsOf(JDMA).map((field) => [field.id, field]));
    assert.equal(byId.satisfaction?.label, "De façon générale, comment ça s'est passé ?");
    assert.deepEqual(
      byId.satisfaction?.type === "single_choice" && byId.satisfaction.options.map((o) => [o.label, o.score]),
      [
        ["Pas bien", 0],
        ["Moyen", 5],
        ["Très bien", 10],
      ],
    );
    const clarity = byId.clarte;
    assert.ok(clarity?.type === "scale");
    assert.equal(clarity.label, "Qu'avez-vous pensé des informations et des instructions fournies ?");
    assert.deepEqual(
      [clarity.min, clarity.max, clarity.minLabel, clarity.maxLabel],
      [1, 5, "Pas clair du tout", "Très clair"],
    );
    const help = byId.aide;
    assert.ok(help?.type === "multiple_choice");
    assert.deepEqual(
      help.options.map((o) => o.label),
      [
        "Au guichet avec l'administration",
        "Par téléphone avec l'administration",
        "Par e-mail avec l'administration",
        "Par chat avec l'administration",
        "Une personne proche",
        "Une association",
        "Des sites internet",
        "Autre",
        "Je n'ai pas eu besoin d'aide",
      ],
    );
    const tried = byId.aide_administration;
    assert.ok(tried?.type === "channels_tried");
    assert.equal(
      tried.reachedLabel,
      "Quand vous avez cherché de l'aide, avez-vous réussi à joindre l'administration ?",
    );
    assert.deepEqual(
      tried.qualityOptions.map((o) => o.label),
      ["Très mauvaise", "Mauvaise", "Ni bonne, ni mauvaise", "Bonne", "Excellente", "Ne se prononce pas"],
    );
    assert.equal(byId.commentaire?.label, "Souhaitez-vous nous en dire plus ?");
    assert.equal(
      byId.contact?.type === "contact_email" && byId.contact.consentLabel,
      "Je souhaite être recontacté",
    );
  });

  it("refuses a stored definition of an unknown shape or with inconsistent questions", () => {
    assert.throws(() => parseDefinition({ v: 2, title: "x", sections: [] }), /definition invalid/);
    assert.throws(
      () =>
        parseDefinition({
          v: 1,
          title: "Test",
          sections: [{ fields: [{ type: "text", id: "a", label: "A", maxLength: 20001 }] }],
        }),
      /definition invalid at \/sections\/0\/fields\/0/,
    );
    const twice = {
      v: 1 as const,
      title: "Test",
      sections: [
        {
          fields: [
            { type: "scale" as const, id: "a", label: "A", min: 5, max: 1, minLabel: "-", maxLabel: "+" },
            { type: "nps" as const, id: "a", label: "B", minLabel: "-", maxLabel: "+" },
          ],
        },
      ],
    };
    assert.deepEqual(definitionProblems(twice), [
      "L'échelle de « a » doit aller d'un nombre à un nombre plus grand.",
      "La question « a » apparaît deux fois.",
    ]);
  });
});
