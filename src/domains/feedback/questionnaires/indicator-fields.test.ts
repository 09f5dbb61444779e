import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { QuestionnaireDefinition } from "../questionnaire-definition.ts";
import { JDMA, NPS } from "../standard-questionnaires.ts";
import { indicatorProblems } from "./indicator-fields.ts";

const copy = (value: QuestionnaireDefinition): QuestionnaireDefinition => JSON.parse(JSON.stringify(value));

describe("keeping the questions the analysis reads", () => {
  it("accepts relabelled indicator questions and new or removed ordinary ones", () => {
    const next = copy(JDMA);
    next.sections[0]!.fields[0]!.label = "Globalement, comment cela s'est-il passé ?";
    next.sections[3]!.fields = next.sections[3]!.fields.filter((field) => field.id !== "commentaire");
    next.sections[3]!.fields.push({ type: "text", id: "idee", label: "Une idée ?", maxLength: 500 });
    assert.deepEqual(indicatorProblems(JDMA, next), []);
  });

  it("refuses removing one, changing its type, its indicator or its source, naming the question", () => {
    const removed = copy(JDMA);
    removed.sections.splice(1, 1);
    assert.deepEqual(indicatorProblems(JDMA, removed), [
      {
        path: "",
        message:
          "Gardez la question « clarte » (indicateur « clarté ») : l'analyse des avis en dépend. Vous pouvez changer son libellé, pas la retirer.",
      },
    ]);

    const retyped = copy(JDMA);
    retyped.sections[1]!.fields[0] = { type: "text", id: "clarte", label: "Clair ?", maxLength: 100 };
    const [typeError] = indicatorProblems(JDMA, retyped);
    assert.equal(typeError?.path, "/sections/1/fields/0/type");
    assert.match(
      typeError!.message,
      /^La question « clarte » \(indicateur « clarté »\) doit rester de type « scale »/,
    );

    const unmarked = copy(JDMA);
    const clarity = unmarked.sections[1]!.fields[0]!;
    if (clarity.type === "scale") delete clarity.indicator;
    assert.equal(indicatorProblems(JDMA, unmarked)[0]?.path, "/sections/1/fields/0/indicator");

    const resourced = copy(JDMA);
    const block = resourced.sections[2]!.fields[1]!;
    if (block.type === "channels_tried") block.source = "autre_question";
    assert.equal(indicatorProblems(JDMA, resourced)[0]?.path, "/sections/2/fields/1/source");
  });

  it("keeps the NPS question of the NPS questionnaire", () => {
    const next = copy(NPS);
    next.sections[0]!.fields = next.sections[0]!.fields.filter((field) => field.type !== "nps");
    assert.match(
      indicatorProblems(NPS, next)[0]!.message,
      /« nps » \(indicateur « recommandation \(NPS\) »\)/,
    );
  });
});
