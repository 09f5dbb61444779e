/**
 * The "must reach" queries, on the whole service-public.fr package indexed as the product
 * does (no database: the records are what the importer stores). Builds the full index: ~10 s.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadPackageFicheRecords } from "./package-corpus.ts";
import { ficheToDocument } from "./search-documents.ts";
import { buildSearchIndex, querySearchIndex, type SearchIndex } from "./search-index.ts";

let index: SearchIndex;

function topIds(text: string, audience?: "particuliers" | "professionnels" | "associations"): string[] {
  return querySearchIndex(index, { text, audience, limit: 5 }).map((hit) => hit.id);
}

describe("search over the full package", () => {
  before(() => {
    index = buildSearchIndex(loadPackageFicheRecords().map(ficheToDocument));
  });

  it("indexes every publication of the package", () => {
    assert.ok(index.documents.size >= 7_000, `${index.documents.size} documents`);
  });

  const expectations: [string, string, string][] = [
    ["refaire ma carte d'identité", "F21089", "Renouvellement de la carte d'identité d'un majeur"],
    ["perte passeport", "F21246", "Passeport d'un majeur : en cas de perte"],
    ["inscription liste électorale", "F1367", "Listes électorales : nouvelle inscription"],
    ["acte de naissance", "F1427", "Acte de naissance : demande de copie intégrale ou d'extrait"],
  ];
  for (const [query, id, title] of expectations) {
    it(`« ${query} » finds ${id} in the top 5`, () => {
      assert.equal(index.documents.get(id)?.title, title);
      assert.ok(topIds(query).includes(id), `${id} absent de ${topIds(query).join(", ")}`);
    });
  }

  it("finds the same fiches without accents and with a typo", () => {
    assert.ok(topIds("inscription liste electorale").includes("F1367"));
    assert.ok(topIds("acte de naissence").includes("F1427"));
  });

  it("filters by audience", () => {
    const pro = querySearchIndex(index, { text: "TVA déclaration", audience: "professionnels", limit: 10 });
    assert.ok(pro.length > 0);
    for (const hit of pro)
      assert.ok(index.documents.get(hit.id)?.audiences?.includes("professionnels"), hit.id);
  });

  it("does not index the « Questions ? Réponses ! » box of a fiche as its text", () => {
    // F21089's box lists "Est-il obligatoire d'avoir une carte d'identité ?" (F11601).
    assert.doesNotMatch(index.documents.get("F21089")?.body ?? "", /Est-il obligatoire d'avoir/);
  });
});
