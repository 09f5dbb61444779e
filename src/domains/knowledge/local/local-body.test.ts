import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { localBodyText, parseLocalBody } from "./local-body.ts";
import { parisDay, startOfParisDay } from "./publication-date.ts";

describe("parseLocalBody", () => {
  it("splits paragraphs on blank lines and reads '- ' lines as list items", () => {
    const body =
      "Première ligne\nsuite du paragraphe.\n\nÀ apporter :\n- une pièce d'identité\n- un justificatif\n  de domicile\n\nFin.";
    assert.deepEqual(parseLocalBody(body), [
      { type: "paragraph", text: "Première ligne suite du paragraphe." },
      { type: "paragraph", text: "À apporter :" },
      { type: "list", items: ["une pièce d'identité", "un justificatif de domicile"] },
      { type: "paragraph", text: "Fin." },
    ]);
  });

  it("keeps markup as plain text (it is escaped when rendered, never interpreted)", () => {
    assert.deepEqual(parseLocalBody("<b>gras</b>\n\n"), [{ type: "paragraph", text: "<b>gras</b>" }]);
    assert.deepEqual(parseLocalBody(""), []);
  });

  it("gives searchable text without list markers", () => {
    assert.equal(localBodyText("Intro\n- a\n- b"), "Intro\n\na\nb");
  });
});

describe("news publication dates", () => {
  it("stores a day as its midnight in Paris, winter and summer", () => {
    assert.equal(startOfParisDay("2026-01-15").toISOString(), "2026-01-14T23:00:00.000Z");
    assert.equal(startOfParisDay("2026-07-15").toISOString(), "2026-07-14T22:00:00.000Z");
    assert.equal(startOfParisDay("2026-03-29").toISOString(), "2026-03-28T23:00:00.000Z");
    assert.equal(startOfParisDay("2026-10-25").toISOString(), "2026-10-24T22:00:00.000Z");
    assert.equal(parisDay(startOfParisDay("2026-03-29")), "2026-03-29");
    assert.equal(parisDay(new Date("2026-07-14T22:30:00Z")), "2026-07-15");
  });
});
