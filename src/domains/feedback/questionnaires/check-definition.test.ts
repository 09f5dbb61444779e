import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JDMA } from "../standard-questionnaires.ts";
import { checkDefinitionText, MAX_DEFINITION_LENGTH } from "./check-definition.ts";
import { CUSTOM_TEMPLATE } from "./custom-template.ts";
import { definitionJson } from "./definition-json.ts";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function errorsOf(text: string) {
  const checked = checkDefinitionText(text);
  assert.equal(checked.ok, false, "refused");
  return checked.ok ? [] : checked.errors;
}

describe("checking a definition typed by an admin", () => {
  it("accepts the standard JDMA and the custom template, as the editor shows them", () => {
    for (const definition of [JDMA, CUSTOM_TEMPLATE]) {
      const checked = checkDefinitionText(definitionJson(definition));
      assert.ok(checked.ok);
      assert.deepEqual(checked.definition, definition);
    }
  });

  it("shows keys in reading order: type and id first, sections last", () => {
    const text = definitionJson({ sections: [{ fields: [{ label: "L", id: "a", type: "text" }] }], v: 1 });
    assert.ok(text.indexOf('"v"') < text.indexOf('"sections"'));
    assert.ok(text.indexOf('"type"') < text.indexOf('"id"'));
    assert.ok(text.indexOf('"id"') < text.indexOf('"label"'));
  });

  it("lists every problem at once, each with its JSON path and its place in words", () => {
    const bad = copy(JDMA) as unknown as {
      v: number;
      sections: { fields: Record<string, unknown>[] }[];
    };
    bad.v = 2;
    bad.sections[0]!.fields[0]!.label = "";
    bad.sections[0]!.fields[0]!.requierd = true;
    bad.sections[1]!.fields[0]!.type = "echelle";
    (bad.sections[2]!.fields[0]!.options as { value: string }[])[1]!.value = "Téléphone";
    delete bad.sections[3]!.fields[0]!.maxLength;
    (bad.sections[0]!.fields[0]!.options as { score: number }[])[0]!.score = 3;
    const errors = errorsOf(JSON.stringify(bad));
    assert.deepEqual(
      errors.map((error) => error.path),
      [
        "/v",
        "/sections/0/fields/0/label",
        "/sections/0/fields/0/options/0/score",
        "/sections/0/fields/0/requierd",
        "/sections/1/fields/0/type",
        "/sections/2/fields/0/options/1/value",
        "/sections/3/fields/0/maxLength",
      ],
    );
    const byPath = new Map(errors.map((error) => [error.path, error.message]));
    assert.equal(
      byPath.get("/sections/0/fields/0/label"),
      "Section 1, question 1 (« satisfaction »), « label » : le texte ne doit pas être vide.",
    );
    assert.match(
      byPath.get("/sections/0/fields/0/options/0/score")!,
      /réponse 1, « score » : valeurs possibles : 0, 5 ou 10\./,
    );
    assert.match(byPath.get("/sections/0/fields/0/requierd")!, /propriété inconnue .*required/);
    assert.match(
      byPath.get("/sections/1/fields/0/type")!,
      /type de question inconnu : utilisez « single_choice »/,
    );
    assert.match(byPath.get("/sections/2/fields/0/options/1/value")!, /identifiant « Téléphone » non valide/);
    assert.match(
      byPath.get("/sections/3/fields/0/maxLength")!,
      /« maxLength » : cette propriété est obligatoire\./,
    );
    assert.equal(byPath.get("/v"), "« v » : la valeur doit être 1.");
  });

  it("says where the JSON syntax breaks, by line and column, in French", () => {
    const [error] = errorsOf('{\n  "v": 1,\n  "title": "Avis",\n}');
    assert.equal(error?.path, "");
    assert.match(
      error!.message,
      /^Le texte n'est pas du JSON valide à la ligne 4, colonne 1 : vérifiez les virgules/,
    );
    assert.doesNotMatch(error!.message, /Unexpected|token/);
  });

  it("refuses an empty text, a text too long, and what is not an object", () => {
    assert.match(errorsOf("  ")[0]!.message, /Collez ou saisissez la définition/);
    assert.match(
      errorsOf(`{${" ".repeat(MAX_DEFINITION_LENGTH)}}`)[0]!.message,
      /trop longue : 100\s000 caractères au plus/,
    );
    assert.equal(errorsOf("[]")[0]!.message, "Définition : un objet { … } est attendu ici.");
  });

  it("checks numbers, bounds, list sizes and the rules between questions", () => {
    const definition = copy(CUSTOM_TEMPLATE) as unknown as {
      sections: { fields: Record<string, unknown>[] }[];
    };
    definition.sections[0]!.fields[1]!.max = 11;
    definition.sections[0]!.fields[1]!.min = "1";
    definition.sections[0]!.fields[0]!.options = [{ value: "oui", label: "Oui" }];
    const errors = errorsOf(JSON.stringify(definition));
    const messages = errors.map((error) => `${error.path} ${error.message}`);
    assert.ok(
      messages.some((m) =>
        /^\/sections\/0\/fields\/1\/max .*11 est hors limites : un nombre entier de 1 à 10/.test(m),
      ),
      messages.join("\n"),
    );
    assert.ok(
      messages.some((m) =>
        /^\/sections\/0\/fields\/1\/min .*un nombre entier de 0 à 10 \(sans guillemets\)/.test(m),
      ),
    );
    assert.ok(messages.some((m) => /^\/sections\/0\/fields\/0\/options .*au moins 2 éléments/.test(m)));

    const twice = copy(CUSTOM_TEMPLATE);
    twice.sections[0]!.fields[1]!.id = "accueil";
    assert.deepEqual(errorsOf(JSON.stringify(twice)), [
      { path: "", message: "La question « accueil » apparaît deux fois." },
    ]);
  });
});
