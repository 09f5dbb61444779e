import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slugProblem } from "./questionnaire-slug.ts";
import { nextQuestionnaireStatus } from "./questionnaire-status.ts";

describe("questionnaire status and address", () => {
  it("publishes a draft, archives, reopens, and refuses a move to the same state", () => {
    const move = (from: "draft" | "published" | "archived", action: "publish" | "archive") =>
      nextQuestionnaireStatus({ slug: "accueil", from, action });
    assert.deepEqual(move("draft", "publish"), { ok: true, to: "published" });
    assert.deepEqual(move("published", "archive"), { ok: true, to: "archived" });
    assert.deepEqual(move("archived", "publish"), { ok: true, to: "published" });
    assert.deepEqual(move("published", "publish"), {
      ok: false,
      message: "Ce questionnaire est déjà publié.",
    });
    assert.deepEqual(move("archived", "archive"), {
      ok: false,
      message: "Ce questionnaire est déjà archivé.",
    });
  });

  it("never archives the JDMA nor the chat's CSAT, which other features answer with", () => {
    const jdma = nextQuestionnaireStatus({ slug: "jdma", from: "published", action: "archive" });
    assert.equal(jdma.ok, false);
    assert.match(jdma.ok ? "" : jdma.message, /« Je donne mon avis » ne peut pas être archivé/);
    assert.equal(nextQuestionnaireStatus({ slug: "csat", from: "published", action: "archive" }).ok, false);
    assert.equal(nextQuestionnaireStatus({ slug: "epic", from: "published", action: "archive" }).ok, true);
  });

  it("accepts a slug of 2 to 40 lowercase letters, digits and dashes, not a reserved one", () => {
    assert.equal(slugProblem("accueil-mairie-2026"), null);
    assert.match(slugProblem("")!, /^Indiquez l'adresse/);
    for (const bad of ["a", "Accueil", "accueil_mairie", "écoles", "x".repeat(41), "a/b"])
      assert.match(slugProblem(bad)!, /ne peut contenir que des lettres minuscules/, bad);
    assert.match(
      slugProblem("jdma")!,
      /« jdma » est réservée : le questionnaire « Je donne mon avis » est déjà à \/avis/,
    );
    assert.match(slugProblem("nps")!, /réservée au questionnaire standard/);
    assert.match(slugProblem("borne")!, /réservée à une page du site \(\/avis\/borne\)/);
  });
});
