import { textOf, type XmlNode } from "../fiche-model/xml-tree.ts";

/**
 * STUB — the search work replaces it. The plain text of a publication that search indexes.
 * Must leave out the "Questions ? Réponses !" box (QuestionReponse) and "Voir aussi" (VoirAussi).
 */
export function ficheSearchText(publication: XmlNode): string {
  const kept: XmlNode = {
    type: "element",
    children: (publication.children ?? []).filter(
      (child) =>
        child.name !== "QuestionReponse" && child.name !== "VoirAussi" && !child.name?.startsWith("dc:"),
    ),
  };
  return textOf(kept);
}
