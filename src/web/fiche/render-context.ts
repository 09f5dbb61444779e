/**
 * What the fiche renderer needs besides the tree: where other publications live locally, and the
 * glossary of the publication (Definition / Abreviation) that inline links point to.
 */
import { attr, elements, textOf, type XmlNode } from "../../domains/knowledge/fiche-model/xml-tree.ts";

/** `title` may be empty when unknown: callers then use the label found in the tree. */
export type LinkTarget = { href: string; title: string };

export type GlossaryEntry = { id: string; term: string; kind: "definition" | "abbreviation"; text: string };

export type FicheRenderContext = {
  /** A publication of our knowledge base, or undefined when we do not hold it (then no link is made). */
  resolve(id: string): LinkTarget | undefined;
  glossary: Map<string, GlossaryEntry>;
  /** Told about elements the renderer has no specific rule for (their text is still rendered). */
  onUnknown?: ((name: string) => void) | undefined;
};

const PUBLICATION_ID = /^[FNR]\d+(-\d+)?$/;

export function isPublicationId(id: string | undefined): id is string {
  return id !== undefined && PUBLICATION_ID.test(id);
}

export function buildGlossary(publication: XmlNode): Map<string, GlossaryEntry> {
  const glossary = new Map<string, GlossaryEntry>();
  for (const node of elements(publication)) {
    if (node.name !== "Definition" && node.name !== "Abreviation") continue;
    const id = attr(node, "ID");
    if (!id) continue;
    glossary.set(id, {
      id,
      term: textOf(elements(node, "Titre")[0]),
      kind: node.name === "Definition" ? "definition" : "abbreviation",
      text: textOf(elements(node, "Texte")[0]),
    });
  }
  return glossary;
}

/** A context where every publication id resolves, for rendering without a database. */
export function contextResolvingAll(publication: XmlNode): FicheRenderContext {
  return {
    resolve: (id) => (isPublicationId(id) ? { href: `/fiches/${id}`, title: "" } : undefined),
    glossary: buildGlossary(publication),
  };
}
