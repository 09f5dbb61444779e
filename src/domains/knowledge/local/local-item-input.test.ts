import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateLocalItemForm } from "./local-item-input.ts";

describe("validateLocalItemForm", () => {
  it("cleans a valid FAQ form: trims, drops control characters, one phrasing per line", () => {
    const result = validateLocalItemForm("faq", {
      title: "  Horaires\u0000 de la   mairie ?  ",
      body: "Ouvert du lundi au vendredi.\r\n\r\n- le matin\r\n- l'après-midi",
      altQuestions: "horaires mairie\r\n\r\n  mairie ouverte samedi \nhoraires mairie",
      summary: "ignored? no: kept",
    });
    assert.ok(result.ok);
    assert.equal(result.input.title, "Horaires de la mairie ?");
    assert.equal(result.input.body, "Ouvert du lundi au vendredi.\n\n- le matin\n- l'après-midi");
    assert.deepEqual(result.input.altQuestions, ["horaires mairie", "mairie ouverte samedi"]);
    assert.equal(result.input.publishedOn, null);
  });

  it("names each faulty field in French", () => {
    const result = validateLocalItemForm("faq", { title: "   ", body: "x".repeat(20_001) });
    assert.ok(!result.ok);
    assert.equal(result.errors.title, "La question est obligatoire.");
    assert.equal(
      result.errors.body,
      "La réponse ne doit pas dépasser 20 000 caractères (actuellement 20001).",
    );
  });

  it("limits titles to 200 characters, counting accented letters once", () => {
    assert.ok(validateLocalItemForm("news", { title: "é".repeat(200), body: "texte" }).ok);
    const tooLong = validateLocalItemForm("news", { title: "é".repeat(201), body: "texte" });
    assert.ok(!tooLong.ok);
    assert.equal(tooLong.errors.title, "Le titre ne doit pas dépasser 200 caractères (actuellement 201).");
  });

  it("checks the news publication date is a real calendar day", () => {
    const bad = validateLocalItemForm("news", { title: "T", body: "B", publishedOn: "2026-02-30" });
    assert.ok(!bad.ok);
    assert.match(bad.errors.publishedOn ?? "", /date de publication valide/);
    const good = validateLocalItemForm("news", { title: "T", body: "B", publishedOn: "2026-02-28" });
    assert.ok(good.ok);
    assert.equal(good.input.publishedOn, "2026-02-28");
  });

  it("ignores fields that do not belong to the kind", () => {
    const result = validateLocalItemForm("procedure", {
      title: "T",
      body: "B",
      altQuestions: "autre",
      publishedOn: "n'importe quoi",
    });
    assert.ok(result.ok);
    assert.deepEqual(result.input.altQuestions, []);
    assert.equal(result.input.publishedOn, null);
  });
});
