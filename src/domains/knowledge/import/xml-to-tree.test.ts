import assert from "node:assert/strict";
import { test } from "node:test";
import { XmlSyntaxError, xmlToTree } from "./xml-to-tree.ts";

test("gives the xml-js shape: attributes, order, decoded entities, no blank text nodes", () => {
  const tree = xmlToTree(
    '<?xml version="1.0"?>\n<Publication ID="F1" type="Fiche">\n  <dc:title>Carte &amp; passeport &#8217;x&#x2019;</dc:title>\n  <Texte><Paragraphe>a <LienInterne LienPublication="F2">b</LienInterne> c</Paragraphe></Texte>\n</Publication>',
  );
  assert.deepEqual(tree.children, [
    {
      type: "element",
      name: "Publication",
      attributes: { ID: "F1", type: "Fiche" },
      children: [
        { type: "element", name: "dc:title", children: [{ type: "text", text: "Carte & passeport ’x’" }] },
        {
          type: "element",
          name: "Texte",
          children: [
            {
              type: "element",
              name: "Paragraphe",
              children: [
                { type: "text", text: "a " },
                {
                  type: "element",
                  name: "LienInterne",
                  attributes: { LienPublication: "F2" },
                  children: [{ type: "text", text: "b" }],
                },
                { type: "text", text: " c" },
              ],
            },
          ],
        },
      ],
    },
  ]);
});

test("malformed XML is refused with a French reason naming the line", () => {
  assert.throws(
    () => xmlToTree("<Publication>\n<dc:title>x</Publication>"),
    (error: unknown) => error instanceof XmlSyntaxError && /^XML mal formé \(ligne 2\)/.test(error.message),
  );
});
