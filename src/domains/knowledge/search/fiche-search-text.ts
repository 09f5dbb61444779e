import { elements, textOf, type XmlNode } from "../fiche-model/xml-tree.ts";

/**
 * Children of a publication whose text search indexes. A list of what is kept rather than of
 * what is dropped, so a new element in a future schema stays out until someone decides.
 * Left out on purpose:
 * - QuestionReponse ("Questions ? Réponses !") and VoirAussi: titles of OTHER pages; indexing
 *   them would make a fiche match questions it does not answer (and grade the eval's answer key);
 * - dc:*, FilDAriane, Theme, DossierPere: metadata and breadcrumb, indexed from their own columns;
 * - Reference (legal texts), Definition (glossary of words used elsewhere), FicheLiee, LienWeb:
 *   mostly vocabulary of other topics, they blur the ranking.
 */
const INDEXED = new Set([
  "Introduction",
  "Texte",
  "ListeSituations",
  "Avertissement",
  "Cible",
  "SousDossierPere",
  "RechercheGuidee",
  "Problematiques",
  "ServiceEnLigne",
  "ServiceEnLigneAnnexe",
  "ServiceEnLigneAlternatif",
  "OuSAdresser",
  "OuSAdresserSupport",
  "LienExterneCommente",
  "Abreviation",
  "NumeroCerfa",
  "AutreNumero",
  "NoticeLiee",
  // Folders and themes: their content is the list of what they hold.
  "SousDossier",
  "Dossier",
  "SousTheme",
  "Fiche",
]);

/** The plain text of a publication that search indexes (stored by the importer in `search_text`). */
export function ficheSearchText(publication: XmlNode): string {
  return elements(publication)
    .filter((child) => INDEXED.has(child.name ?? ""))
    .map((child) => textOf(child).replace(/^\*+\s*/, ""))
    .filter((text) => text.length > 0)
    .join("\n");
}
