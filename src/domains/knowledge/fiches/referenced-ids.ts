import { attr, type XmlNode } from "../fiche-model/xml-tree.ts";

/** Attributes holding the id of another publication, per element. */
const LINK_ATTRIBUTES: Record<string, string> = {
  LienInterne: "LienPublication",
  LienIntra: "LienID",
  Fiche: "ID",
  Dossier: "ID",
  QuestionReponse: "ID",
  CommentFaireSi: "ID",
  FicheLiee: "ID",
  RechercheGuidee: "ID",
  ServiceEnLigneAlternatif: "ID",
  Niveau: "ID",
};

const PUBLICATION_ID = /^[FNR]\d+(-\d+)?$/;

/** Every publication id a tree links to, so their titles can be fetched in one query. */
export function referencedIds(publication: XmlNode): string[] {
  const ids = new Set<string>();
  const walk = (node: XmlNode) => {
    if (node.type !== "element") return;
    const key = LINK_ATTRIBUTES[node.name ?? ""];
    const id = key ? attr(node, key) : undefined;
    if (id !== undefined && PUBLICATION_ID.test(id)) ids.add(id);
    if (node.children) for (const child of node.children) walk(child);
  };
  walk(publication);
  return [...ids];
}
