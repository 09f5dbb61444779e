/**
 * The assistant's decisions over the whole service-public.fr catalogue of the npm package (no
 * database): answers from the right page and section, topics offered for one-word questions,
 * follow-ups read against the previous topic, the town's FAQ first, and no answer out of scope.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadPackageKnowledge, type PackageKnowledge } from "../../../test/helpers/package-knowledge.ts";
import { localItemToDocument } from "../knowledge/search/search-documents.ts";
import { findAnswer } from "./find-answer.ts";

describe("findAnswer over the whole catalogue", () => {
  let knowledge: PackageKnowledge;
  const ask = (question: string, more: { context?: { query: string; sourceId: string } } = {}) =>
    findAnswer({
      search: knowledge.search,
      passages: knowledge.passages,
      organisationId: "test",
      question,
      ...more,
    });

  before(() => {
    const faq = {
      id: "00000000-0000-4000-8000-000000000001",
      kind: "faq" as const,
      slug: "ou-faire-sa-carte",
      title: "Où faire sa carte d'identité à Démo ?",
      summary: "À la mairie annexe, sur rendez-vous.",
      body: "La carte d'identité se demande à la mairie annexe du quartier Nord, sur rendez-vous.",
      alt_questions: ["Où demander une carte d'identité ?"],
    };
    const document = localItemToDocument(faq);
    knowledge = loadPackageKnowledge([
      {
        document,
        page: {
          sourceId: document.id,
          title: faq.title,
          url: document.url,
          date: null,
          passages: [{ headings: [], text: `${faq.summary}\n${faq.body}` }],
        },
      },
    ]);
  });

  it("answers a precise question from the right page and section", async () => {
    const finding = await ask("Quel est le délai de fabrication d'une carte d'identité pour un majeur ?");
    assert.equal(finding.kind, "answer");
    if (finding.kind !== "answer") return;
    assert.match(finding.page.title, /carte d'identité d'un majeur/i);
    assert.match(finding.best.passage.headings.join(" "), /[Dd]élai/);
  });

  it("offers the topics of a one-word question, the most asked-for first", async () => {
    const finding = await ask("carte");
    assert.equal(finding.kind, "clarify");
    if (finding.kind !== "clarify") return;
    const titles = finding.options.map((o) => o.title);
    assert.equal(titles[0], "Carte d'identité");
    assert.ok(titles.includes("Carte grise (certificat d'immatriculation)"), titles.join(" | "));
    assert.ok(titles.length >= 2 && titles.length <= 4);
  });

  it("offers the pages of the only folder a one-word question names", async () => {
    const finding = await ask("passeport");
    assert.equal(finding.kind, "clarify");
    if (finding.kind !== "clarify") return;
    assert.equal(finding.options[0]?.title, "Pour un majeur : première demande");
  });

  it("reads a follow-up against the previous topic", async () => {
    const first = await ask("Première demande de passeport pour un majeur");
    assert.equal(first.kind === "answer" && first.page.sourceId, "F14929");
    const followUp = await ask("et pour un mineur ?", {
      context: { query: "Première demande de passeport pour un majeur", sourceId: "F14929" },
    });
    assert.equal(followUp.kind === "answer" && followUp.page.sourceId, "F14930");
  });

  it("answers a cost follow-up from the page under discussion", async () => {
    const first = await ask("Comment immatriculer un véhicule d'occasion ?");
    assert.equal(first.kind, "answer");
    if (first.kind !== "answer") return;
    const cost = await ask("combien ça coûte ?", {
      context: { query: "Comment immatriculer un véhicule d'occasion ?", sourceId: first.page.sourceId },
    });
    assert.equal(cost.kind, "answer");
    if (cost.kind !== "answer") return;
    assert.match(
      `${cost.page.title} ${cost.best.passage.headings.join(" ")} ${cost.best.passage.text}`,
      /[Cc]oût|taxe|€/,
    );
  });

  it("prefers the town's own FAQ answer when it matches", async () => {
    const finding = await ask("Où faire ma carte d'identité ?");
    assert.equal(
      finding.kind === "answer" && finding.page.sourceId,
      "faq:00000000-0000-4000-8000-000000000001",
    );
  });

  it("offers the closest pages instead of asserting one when it is not sure", async () => {
    const finding = await ask("Comment déclarer un chien dangereux ?");
    assert.equal(finding.kind, "clarify");
    if (finding.kind !== "clarify") return;
    assert.equal(finding.reason, "unsure");
    assert.match(finding.options[0]?.title ?? "", /chien susceptible d'être dangereux/);
    assert.ok(finding.options.length >= 2 && finding.options.length <= 3);
  });

  it("does not answer out-of-scope questions", async () => {
    for (const question of [
      "Quelle est la recette de la tarte tatin ?",
      "Combien de calories dans une banane ?",
      "Raconte-moi une blague",
    ]) {
      assert.equal((await ask(question)).kind, "none", question);
    }
  });
});
