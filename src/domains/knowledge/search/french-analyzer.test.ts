import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { editDistance } from "./bm25f.ts";
import { analyse, analyseWord } from "./french-analyzer.ts";
import { buildSnippet, highlightSegments } from "./snippet.ts";
import { parseSynonymLine, synonymTerms } from "./synonyms.ts";

describe("French analysis", () => {
  it("removes elided articles and pronouns, with either apostrophe", () => {
    assert.deepEqual(analyse("l'acte d'état civil"), analyse("acte état civil"));
    assert.deepEqual(analyse("qu’il s’inscrive jusqu'à"), analyse("il inscrive à"));
  });

  it("folds accents and case, so typing without accents finds the same terms", () => {
    assert.deepEqual(analyse("Électorale IDENTITÉ"), analyse("electorale identite"));
  });

  it("stems plural and derived forms to one term", () => {
    assert.equal(analyseWord("passeports"), analyseWord("passeport"));
    assert.equal(analyseWord("renouvellement"), analyseWord("renouveler"));
    assert.equal(analyseWord("électorales"), analyseWord("électoral"));
  });

  it("joins the feminine and the verb–noun forms Snowball leaves apart", () => {
    assert.equal(analyseWord("salariée"), analyseWord("salarié"));
    assert.equal(analyseWord("inscrire"), analyseWord("inscription"));
    assert.equal(analyseWord("inscrit"), analyseWord("inscription"));
    assert.equal(analyseWord("construire"), analyseWord("construction"));
    assert.notEqual(analyseWord("script"), analyseWord("inscription"));
  });

  it("keeps apart the words Snowball would merge with an unrelated one", () => {
    assert.equal(analyseWord("loyer"), analyseWord("loyers"));
    assert.notEqual(analyseWord("loyer"), analyseWord("loi"));
    assert.equal(analyseWord("lois"), analyseWord("loi"));
    assert.notEqual(analyseWord("foyer"), analyseWord("foi"));
    assert.notEqual(analyseWord("taxi"), analyseWord("taxe"));
    assert.notEqual(analyseWord("mars"), analyseWord("marié"));
  });

  it("drops stop words but keeps negations", () => {
    assert.deepEqual(analyse("le la des pour"), []);
    const terms = analyse("sans emploi, jamais déclaré, aucun revenu, ni pension, non imposable, pas de");
    for (const negation of ["sans", "jamais", "aucun", "ni", "non", "pas"]) {
      assert.ok(terms.includes(analyseWord(negation) ?? "?"), `${negation} gardé`);
    }
    assert.ok(analyse("on n'est pas").includes("ne"), "n' devient ne");
  });

  it("keeps numbers such as cerfa numbers", () => {
    assert.deepEqual(analyse("cerfa 12100*02"), [analyseWord("cerfa"), "12100", "02"]);
  });
});

describe("synonyms", () => {
  it("expands an acronym to its phrasings and back", () => {
    const fromAcronym = synonymTerms(analyse("CNI perdue"));
    for (const term of analyse("carte nationale d'identité")) assert.ok(fromAcronym.includes(term), term);
    assert.ok(synonymTerms(analyse("ma carte d'identité")).includes("cni"));
  });

  it("maps everyday words to the administrative ones", () => {
    assert.ok(synonymTerms(analyse("refaire mon passeport")).includes(analyseWord("renouvellement") ?? "?"));
    assert.ok(synonymTerms(analyse("perte du permis")).includes(analyseWord("perdu") ?? "?"));
  });

  it("keeps an entry off when the query names another meaning", () => {
    const group = parseSynonymLine("permis => permis de conduire ! construire | bateau");
    assert.deepEqual(synonymTerms(analyse("perte du permis"), [group]), [analyseWord("conduire")]);
    assert.deepEqual(synonymTerms(analyse("permis de construire"), [group]), []);
    assert.deepEqual(synonymTerms(analyse("permis bateau"), [group]), []);
  });

  it("maps general administrative vocabulary both ways", () => {
    assert.ok(synonymTerms(analyse("fiche de paie")).includes(analyseWord("bulletin") ?? "?"));
    assert.ok(synonymTerms(analyse("se marier")).includes(analyseWord("mariage") ?? "?"));
    assert.ok(synonymTerms(analyse("PTZ")).includes(analyseWord("zéro") ?? "?"));
    assert.ok(synonymTerms(analyse("prêt à taux zéro")).includes("ptz"));
  });

  it("applies one-way entries in their direction only", () => {
    const group = parseSynonymLine("papiers => passeport");
    assert.deepEqual(synonymTerms(analyse("papiers"), [group]), ["passeport"]);
    assert.deepEqual(synonymTerms(analyse("passeport"), [group]), []);
  });
});

describe("snippets and highlighting", () => {
  it("cuts the passage around the matched words and reports them as written", () => {
    const body = `${"Texte sans rapport. ".repeat(30)}Pour renouveler la carte d'identité, allez en mairie. ${"Fin. ".repeat(30)}`;
    const result = buildSnippet([body], new Set(analyse("renouvellement carte")), "Titre");
    assert.match(result.snippet, /^… .*renouveler la carte d'identité.* …$/);
    assert.deepEqual(result.matchedTerms.sort(), ["carte", "renouveler"]);
  });

  it("splits a text into marked and plain segments without touching markup characters", () => {
    const segments = highlightSegments("<b>Carte</b> d'identité", ["carte"]);
    assert.deepEqual(segments, [
      { text: "<b>", match: false },
      { text: "Carte", match: true },
      { text: "</b> d'identité", match: false },
    ]);
  });

  it("measures spelling distance with transpositions", () => {
    assert.equal(editDistance("pasport", "passport", 2), 1);
    assert.equal(editDistance("inscirption", "inscription", 2), 1);
    assert.equal(editDistance("abc", "xyz", 1), 2);
  });
});
