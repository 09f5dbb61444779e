import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import type { XmlNode } from "../../../shared/database.ts";
import { FICHE_SEARCH_TEXT_VERSION } from "../search/fiche-search-text.ts";
import { canonicalJson, prepareFiche } from "./fiche-row.ts";

const publication = (attributes: Record<string, string>): XmlNode => ({
  type: "element",
  name: "Publication",
  attributes,
  children: [{ type: "element", name: "dc:title", children: [{ type: "text", text: "Titre\u0000" }] }],
});

test("canonical JSON does not depend on key order and drops NUL characters", () => {
  assert.equal(canonicalJson({ b: 1, a: { d: "x\u0000", c: [2] } }), '{"a":{"c":[2],"d":"x"},"b":1}');
  assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
});

test("the content hash follows the tree and the audiences, not attribute order", () => {
  const one = prepareFiche({ tree: publication({ ID: "F1", type: "Fiche" }), audiences: ["particuliers"] });
  const sameReordered = prepareFiche({
    tree: publication({ type: "Fiche", ID: "F1" }),
    audiences: ["particuliers"],
  });
  const moreAudiences = prepareFiche({
    tree: publication({ ID: "F1", type: "Fiche" }),
    audiences: ["associations", "particuliers"],
  });
  assert.equal(one.contentHash, sameReordered.contentHash);
  assert.notEqual(one.contentHash, moreAudiences.contentHash);
  assert.deepEqual(moreAudiences.toRow().audiences, ["particuliers", "associations"]);
  assert.equal(one.toRow().title, "Titre");
});

test("the content hash includes the version of the search-text rules", () => {
  const prepared = prepareFiche({
    tree: publication({ ID: "F1", type: "Fiche" }),
    audiences: ["particuliers"],
  });
  const row = prepared.toRow();
  const expected = createHash("sha256")
    .update(
      canonicalJson({
        audiences: ["particuliers"],
        searchTextVersion: FICHE_SEARCH_TEXT_VERSION,
        tree: JSON.parse(row.tree as string),
      }),
    )
    .digest("hex");
  assert.equal(prepared.contentHash, expected);
});
