import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadPackageFiche } from "../../../../test/factories/a-fiche.ts";
import { findPublication } from "../fiche-model/parse-fiche.ts";
import type { XmlNode } from "../fiche-model/xml-tree.ts";
import { extractFichePassages, extractFolderChildren } from "./extract-fiche-passages.ts";
import { rankPassages } from "./rank-passages.ts";

const publicationOf = (id: string) => findPublication(loadPackageFiche(id).tree) as XmlNode;

describe("passages of a service-public.fr page", () => {
  const passages = extractFichePassages(publicationOf("F1341"));

  it("cuts a page into its situations and chapters, with the titles above each", () => {
    const headings = passages.map((p) => p.headings.join(" > "));
    assert.ok(headings.includes("Demande en France > Pièces à fournir"), headings.join("\n"));
    assert.ok(headings.includes("À l'étranger > Retrait de la carte"));
    assert.ok(headings.includes("Demande en France > Pièces à fournir > Vous avez un passeport valide"));
  });

  it("leaves out the other pages' questions and 'see also' links", () => {
    const all = passages.map((p) => p.text).join("\n");
    const tree = JSON.stringify(publicationOf("F1341"));
    assert.match(tree, /QuestionReponse/);
    assert.doesNotMatch(all, /Questions\s*\?\s*Réponses/);
  });

  it("finds the chapter that answers a question about a detail", () => {
    const page = {
      sourceId: "F1341",
      title: "Carte d'identité d'un majeur : première demande",
      url: "/fiches/F1341",
      date: null,
      passages,
    };
    const [best] = rankPassages(
      [page],
      [
        { term: "retir", weight: 1 },
        { term: "cart", weight: 1 },
      ],
    );
    assert.deepEqual(best?.passage.headings.at(-1), "Retrait de la carte");
  });

  it("lists a folder's pages as labelled choices", () => {
    const children = extractFolderChildren(publicationOf("N360"));
    assert.deepEqual(children.slice(0, 2), [
      { sourceId: "F14929", label: "Pour un majeur : première demande" },
      { sourceId: "F21091", label: "Pour un majeur : renouvellement" },
    ]);
    assert.ok(children.some((c) => c.label === "Pour un mineur : passeport perdu"));
  });
});
