import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { XmlNode } from "../fiche-model/xml-tree.ts";
import { ficheSearchText } from "./fiche-search-text.ts";
import type { FicheRecord } from "./search-documents.ts";
import { ficheToDocument } from "./search-documents.ts";
import { buildSearchIndex, querySearchIndex } from "./search-index.ts";

const text = (value: string): XmlNode => ({ type: "text", text: value });
const el = (name: string, ...children: XmlNode[]): XmlNode => ({ type: "element", name, children });

function fiche(
  id: string,
  title: string,
  folder: string | null,
  body: string,
  publicationType = "Fiche d'information",
): FicheRecord {
  const crumbs = [
    { id: "Particuliers", title: "Accueil particuliers" },
    { id: "N1", title: "Thème" },
  ];
  if (folder) crumbs.push({ id: folder, title: `Dossier ${folder}` });
  return {
    id,
    kind: "F",
    publication_type: publicationType,
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

  it("ranks a page saying the query words side by side above one that scatters them", () => {
    const filler = "texte ordinaire sans rapport ".repeat(10);
    const index = buildSearchIndex(
      [
        fiche("F1", "Papiers", null, `Le congé est accordé. ${filler} Le statut parental est précisé.`),
        fiche("F2", "Papiers", null, `Le congé parental est accordé. ${filler} Le statut est précisé.`),
      ].map(ficheToDocument),
    );
    const ids = querySearchIndex(index, { text: "congé parental", limit: 2 }).map((hit) => hit.id);
    assert.deepEqual(ids, ["F2", "F1"]);
  });

  it("keeps a question page first when it asks the question typed, not when it asks another", () => {
    const qr = "Fiche Question-réponse";
    const index = buildSearchIndex(
      [
        fiche("F1", "Congé parental d'éducation", null, "Le salarié peut démissionner pendant le congé."),
        fiche(
          "F2",
          "Peut-on démissionner pendant un congé maternité ?",
          null,
          "Oui, le congé parental aussi.",
          qr,
        ),
        fiche("F3", "Peut-on démissionner pendant un congé parental ?", null, "Oui, sous conditions.", qr),
      ].map(ficheToDocument),
    );
    const ids = querySearchIndex(index, {
      text: "Peut-on démissionner pendant un congé parental ?",
      limit: 3,
    }).map((hit) => hit.id);
    assert.equal(ids[0], "F3");
    assert.ok(ids.indexOf("F1") < ids.indexOf("F2"), ids.join(", "));
  });

  it("keeps first the best page whose title says every typed word, against a folder of half matches", () => {
    const others = Array.from({ length: 12 }, (_, i) =>
      fiche(`F${10 + i}`, `Sujet ${i}`, "N30", "Texte ordinaire sans rapport avec la question."),
    );
    const index = buildSearchIndex(
      [
        fiche("F1", "Acte de naissance", "N10", "Demander une copie intégrale ou un extrait."),
        fiche(
          "F2",
          "Naissance : déclaration",
          "N20",
          "La mairie établit l'acte de naissance. L'acte est remis.",
        ),
        fiche("F3", "Naissance à l'étranger", "N20", "L'acte de naissance est transcrit. Un acte suffit."),
        fiche(
          "F4",
          "Naissance et livret de famille",
          "N20",
          "Un acte de naissance y figure, avec l'acte de mariage.",
        ),
        ...others,
      ].map(ficheToDocument),
    );
    const hits = querySearchIndex(index, { text: "acte de naissance", limit: 4 });
    assert.equal(hits[0]?.id, "F1", hits.map((hit) => hit.id).join(", "));
    assert.ok((hits[0]?.score ?? 0) >= (hits[1]?.score ?? 0), "scores stay in rank order");
  });

  it("returns the snippet from the passage holding the query words, cut at line ends", () => {
    const body = `Introduction générale.\n${"Autre sujet sans rapport. ".repeat(20)}\nLa carte d'identité se demande en mairie.\nFin.`;
    const index = buildSearchIndex([fiche("F9", "Papiers", null, body)].map(ficheToDocument));
    const [hit] = querySearchIndex(index, { text: "carte identité mairie", limit: 1 });
    assert.equal(hit?.snippet, "… La carte d'identité se demande en mairie. Fin.");
    assert.deepEqual(hit?.matchedTerms.sort(), ["carte", "identité", "mairie"]);
  });
});
