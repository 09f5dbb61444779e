import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CSAT, JDMA, NPS } from "./standard-questionnaires.ts";
import { validateAnswers } from "./validate-answers.ts";

function errorsOf(result: ReturnType<typeof validateAnswers>) {
  assert.equal(result.ok, false);
  return result.ok ? [] : result.errors;
}

describe("validateAnswers", () => {
  it("keeps a full JDMA answer, drops channel answers for channels not ticked", () => {
    const result = validateAnswers(JDMA, {
      satisfaction: "moyen",
      clarte: "4",
      aide: ["telephone", "proche"],
      aide_administration: {
        telephone: { reached: "oui", quality: "bonne" },
        guichet: { reached: "non", quality: "" },
      },
      commentaire: "  Trop d'attente au téléphone.\r\nMais aimable.  ",
      contact: { wanted: "oui", email: "a@exemple.fr" },
    });
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      answers: {
        satisfaction: "moyen",
        clarte: 4,
        aide: ["telephone", "proche"],
        aide_administration: { telephone: { reached: "oui", quality: "bonne" } },
        commentaire: "Trop d'attente au téléphone.\nMais aimable.",
      },
      contactEmail: "a@exemple.fr",
    });
  });

  it("keeps no address unless the citizen ticked « Je souhaite être recontacté »", () => {
    const result = validateAnswers(JDMA, { satisfaction: "tres_bien", contact: { email: "a@exemple.fr" } });
    assert.ok(result.ok);
    assert.equal(result.value.contactEmail, null);
  });

  it("refuses with one precise French message per question", () => {
    const errors = errorsOf(
      validateAnswers(JDMA, {
        satisfaction: "genial",
        clarte: "6",
        aide: ["aucune", "telephone"],
        commentaire: "x".repeat(20000),
        contact: { wanted: "oui", email: "pas-une-adresse" },
      }),
    );
    assert.deepEqual(errors, [
      {
        field: "satisfaction",
        message:
          "La réponse à « De façon générale, comment ça s'est passé ? » n'est pas une des réponses proposées.",
      },
      {
        field: "clarte",
        message:
          "La note de « Qu'avez-vous pensé des informations et des instructions fournies ? » doit être un nombre entier de 1 à 5.",
      },
      {
        field: "aide",
        message: "« Je n'ai pas eu besoin d'aide » ne peut pas être coché avec une autre réponse.",
      },
      {
        field: "commentaire",
        message:
          "Votre réponse à « Souhaitez-vous nous en dire plus ? » fait 20\u202f000 caractères : 2\u202f000 au plus. Raccourcissez-la.",
      },
      {
        field: "contact",
        message:
          "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr, ou décochez « Je souhaite être recontacté ».",
      },
    ]);
  });

  it("refuses a missing required answer, unknown channel answers and scales out of range", () => {
    assert.deepEqual(errorsOf(validateAnswers(JDMA, { clarte: "3" })), [
      {
        field: "satisfaction",
        message: "Répondez à la question « De façon générale, comment ça s'est passé ? ».",
      },
    ]);
    assert.deepEqual(
      errorsOf(
        validateAnswers(JDMA, {
          satisfaction: "moyen",
          aide: ["chat"],
          aide_administration: { chat: { reached: "peut-être" } },
        }),
      ),
      [
        {
          field: "aide_administration.chat",
          message: "Pour « Par chat avec l'administration », répondez « Oui » ou « Non ».",
        },
      ],
    );
    assert.equal(errorsOf(validateAnswers(NPS, { nps: "11" }))[0]?.field, "nps");
    assert.equal(errorsOf(validateAnswers(NPS, { nps: "-1" })).length, 1);
    assert.equal(errorsOf(validateAnswers(CSAT, { csat: "2.5" }))[0]?.field, "csat");
    assert.ok(validateAnswers(NPS, { nps: "0" }).ok);
    assert.ok(validateAnswers(NPS, { nps: 10 }).ok);
  });

  it("counts characters, not UTF-16 units, and accepts exactly 2,000", () => {
    assert.ok(validateAnswers(JDMA, { satisfaction: "moyen", commentaire: "é".repeat(2000) }).ok);
    assert.ok(validateAnswers(JDMA, { satisfaction: "moyen", commentaire: "😀".repeat(2000) }).ok);
    assert.equal(validateAnswers(JDMA, { satisfaction: "moyen", commentaire: "a".repeat(2001) }).ok, false);
  });
});
