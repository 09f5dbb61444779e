import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderToString } from "preact-render-to-string";
import { loadPackageFiche } from "../../../test/factories/a-fiche.ts";
import { findPublication } from "../../domains/knowledge/fiche-model/parse-fiche.ts";
import type { XmlNode } from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { PublicationBody } from "./publication-body.tsx";
import { buildGlossary, contextResolvingAll, type FicheRenderContext } from "./render-context.ts";

function publicationOf(id: string): XmlNode {
  return findPublication(loadPackageFiche(id).tree)!;
}

function render(publication: XmlNode, ctx: FicheRenderContext = contextResolvingAll(publication)): string {
  return renderToString(<PublicationBody publication={publication} ctx={ctx} />);
}

describe("PublicationBody on real service-public.fr trees", () => {
  const f21089 = render(publicationOf("F21089"));

  it("renders the situations of F21089 as titled sections with a table of contents", () => {
    assert.match(f21089, /<a href="#situation-1">Demande en France<\/a>/);
    assert.match(f21089, /<h2 id="situation-1">Demande en France<\/h2>/);
    assert.match(f21089, /<h2 id="situation-2">À l'étranger<\/h2>/);
    assert.match(f21089, /<h3>Quand faire la demande \?<\/h3>/);
    assert.match(f21089, /<h3>Pièces à fournir<\/h3>/);
  });

  it("renders BlocCas cases under their own heading, one level below the chapter", () => {
    assert.match(
      f21089,
      /<section class="case"><h4>Vous étiez majeur lors de la délivrance de l'ancienne carte<\/h4>/,
    );
    assert.match(f21089, /<h4>Votre carte d'identité est valide<\/h4>/);
    // nested cases go one level deeper
    assert.match(f21089, /<h5>Vous avez un passeport valide<\/h5>/);
  });

  it("renders notes, lists, online services, offices and the boxes around the fiche", () => {
    assert.match(f21089, /<div class="notice warning"><p class="notice-title">Attention<\/p>/);
    assert.match(f21089, /<ul><li>Votre carte d'identité<\/li><\/ul>/);
    assert.match(
      f21089,
      /<p class="notice-title">Où s'adresser \?<\/p><p class="service-title"><a href="https:\/\/passeport\.ants\.gouv\.fr[^"]*">Mairie délivrant des cartes d'identité<\/a>/,
    );
    assert.match(
      f21089,
      /<p class="service-kind">Téléservice<\/p><p class="service-title"><a [^>]*>Pré-demande de carte d'identité<\/a>/,
    );
    for (const heading of [
      "Services en ligne et formulaires",
      "Pour en savoir plus",
      "Textes de référence",
      "Questions ? Réponses !",
      "Voir aussi",
    ]) {
      assert.ok(f21089.includes(`<h2>${heading}</h2>`), heading);
    }
    assert.match(f21089, /Décret n°55-1397 du 22 octobre 1955 relatif à la carte d'identité : article 4-1/);
    assert.match(
      f21089,
      /<a href="\/fiches\/F11601">Est-il obligatoire d'avoir une carte d'identité \?<\/a>/,
    );
  });

  it("links glossary terms to their definitions", () => {
    assert.match(f21089, /<a href="#def-R46595">justificatif du voyage<\/a>/);
    assert.match(
      f21089,
      /<dt id="def-R46595"><dfn>Justificatif d'un voyage à venir<\/dfn><\/dt><dd><p>Par tout moyen/,
    );
  });

  it("links LienInterne to our page only when we hold the target", () => {
    const publication = publicationOf("F21089");
    const ctx: FicheRenderContext = {
      resolve: (id) =>
        id === "F32303" ? { href: "/fiches/F32303", title: "Carte d'identité de plus de 10 ans" } : undefined,
      glossary: buildGlossary(publication),
    };
    const html = render(publication, ctx);
    assert.match(html, /<a href="\/fiches\/F32303">valide 5 ans après la date d'expiration<\/a>/);
    assert.ok(html.includes("conforme aux normes"));
    assert.ok(!html.includes('href="/fiches/F10619"'), "no link to a fiche we do not hold");
  });

  it("renders a table with caption, column and row headers and merged cells (F1657)", () => {
    const html = render(publicationOf("F1657"));
    assert.match(html, /<caption>Plafonds de ressources AAH<\/caption>/);
    assert.match(html, /<th scope="colgroup" colspan="2">Revenus annuels maximum<\/th>/);
    assert.match(html, /<th scope="col">Vous vivez seul<\/th>/);
    assert.match(html, /<tr><th scope="row">0<\/th><td>10 832 €<\/td><td>19 607 €<\/td><\/tr>/);
  });

  it("keeps a table whose merge values do not fit its grid readable (F10)", () => {
    const html = render(publicationOf("F10"));
    assert.match(
      html,
      /<thead><tr><th scope="col">Médaille d'honneur du travail<\/th><th scope="col">Ancienneté de services<\/th><\/tr><\/thead>/,
    );
    assert.ok(!html.includes("rowspan"));
  });

  it("renders a form: cerfa number, link with file type and size, related fiches (R10751)", () => {
    const html = render(publicationOf("R10751"));
    assert.match(html, /<p class="cerfa">Cerfa n° 10798\*04<\/p>/);
    assert.match(
      html,
      /<a href="https:\/\/www\.formulaires\.service-public\.fr\/gf\/cerfa_10798\.do">Accéder au formulaire \(Ministère chargé de l'intérieur\)<\/a> \(PDF, 2,4 Mo\)/,
    );
    assert.match(html, /Spécimen : l'original est délivré en mairie\./);
    assert.match(
      html,
      /<h2>Fiches pratiques liées<\/h2><ul class="link-list"><li><a href="\/fiches\/F2191">Attestation d'accueil<\/a>/,
    );
  });

  it("lists a folder's fiches by sub-folder (N358)", () => {
    const html = render(publicationOf("N358"));
    assert.match(
      html,
      /<h2>Pour un majeur<\/h2><ul class="link-list"><li><a href="\/fiches\/F1341">Première demande<\/a>/,
    );
    assert.match(html, /<h2>Pour un mineur<\/h2>/);
  });
});

describe("PublicationBody safety and fallbacks", () => {
  const el = (name: string, children: XmlNode[] = [], attributes?: Record<string, string>): XmlNode => ({
    type: "element",
    name,
    attributes,
    children,
  });
  const text = (value: string): XmlNode => ({ type: "text", text: value });

  it("never turns a javascript: URL into a link and escapes markup in text", () => {
    const publication = el(
      "Publication",
      [
        el("Texte", [
          el("Paragraphe", [
            el("LienExterne", [text("cliquez")], { URL: "javascript:alert(1)" }),
            text(" <script>x</script>"),
          ]),
        ]),
      ],
      { ID: "F1" },
    );
    const html = render(publication);
    assert.ok(!html.includes("javascript:"));
    assert.ok(!html.includes("<script>"));
    assert.match(html, /cliquez &lt;script>/);
  });

  it("keeps the text of an element it has no rule for, and reports it", () => {
    const unknown: string[] = [];
    const publication = el("Publication", [el("Texte", [el("NouvelElement", [text("Contenu inédit")])])], {
      ID: "F2",
    });
    const html = render(publication, {
      ...contextResolvingAll(publication),
      onUnknown: (n) => unknown.push(n),
    });
    assert.match(html, /<p>Contenu inédit<\/p>/);
    assert.deepEqual(unknown, ["NouvelElement"]);
  });
});
