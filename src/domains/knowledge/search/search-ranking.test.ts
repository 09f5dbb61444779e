import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { XmlNode } from "../fiche-model/xml-tree.ts";
import { ficheSearchText } from "./fiche-search-text.ts";
import type { FicheRecord } from "./search-documents.ts";
import { ficheToDocument } from "./search-documents.ts";
import { buildSearchIndex, querySearchIndex } from "./search-index.ts";

const text = (value: string): XmlNode => ({ type: "text", text: value });
const el = (name: string, ...children: XmlNode[]): XmlNode => ({ type: "element", name, children });

function fiche(id: string, title: string, folder: string | null, body: string): FicheRecord {
  const crumbs = [
    { id: "Particuliers", title: "Accueil particuliers" },
    { id: "N1", title: "Thème" },
  ];
  if (folder) crumbs.push({ id: folder, title: `Dossier ${folder}` });
  return {
    id,
    kind: "F",
    publication_type: "Fiche d'information",
    audiences: ["particuliers"],
    title,
    description: "",
    subject: "Thème",
    breadcrumb: [...crumbs, { id, title }],
    search_text: body,
  };
}

describe("search text of a fiche", () => {
  it("puts each block on its own line and leaves the « Questions ? Réponses ! » box out", () => {
    const publication = el(
      "Publication",
      el(
        "Texte",
        el("Chapitre", el("Titre", el("Paragraphe", text("Coût"))), el("Paragraphe", text("Gratuit."))),
      ),
      el("QuestionReponse", text("Faut-il payer ?")),
    );
    assert.equal(ficheSearchText(publication), "Coût\nGratuit.");
  });
});

describe("ranking", () => {
  it("lifts the pages of a folder whose other pages match the query best", () => {
    const filler = "texte ordinaire ".repeat(20);
    const index = buildSearchIndex(
      [
        fiche("F1", "Jardin partagé : règles", "N10", `jardin partagé ${filler}`),
        fiche("F2", "Jardin partagé : inscription", "N10", `jardin partagé ${filler}`),
        fiche("F3", "Arrosage", "N10", filler),
        fiche("F4", "Arrosage des pelouses", "N20", `jardin ${filler}`),
      ].map(ficheToDocument),
    );
    const ids = querySearchIndex(index, { text: "arrosage jardin partagé", limit: 4 }).map((hit) => hit.id);
    assert.ok(ids.indexOf("F3") < ids.indexOf("F4"), ids.join(", "));
  });

  it("returns the snippet from the passage holding the query words, cut at line ends", () => {
    const body = `Introduction générale.\n${"Autre sujet sans rapport. ".repeat(20)}\nLa carte d'identité se demande en mairie.\nFin.`;
    const index = buildSearchIndex([fiche("F9", "Papiers", null, body)].map(ficheToDocument));
    const [hit] = querySearchIndex(index, { text: "carte identité mairie", limit: 1 });
    assert.equal(hit?.snippet, "… La carte d'identité se demande en mairie. Fin.");
    assert.deepEqual(hit?.matchedTerms.sort(), ["carte", "identité", "mairie"]);
  });
});
