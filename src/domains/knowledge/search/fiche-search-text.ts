import { elements, type XmlNode } from "../fiche-model/xml-tree.ts";

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

/** Elements that end a line, so sentences and list items do not run together in snippets. */
const BLOCKS = new Set(["Paragraphe", "Item", "Titre", "Cellule", "Liste", "Tableau", "Fiche", "Dossier"]);

function collectLines(node: XmlNode, lines: string[], current: string[]): void {
  const flush = () => {
    const line = current.join(" ").replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    current.length = 0;
  };
  if (node.type === "text" || node.type === "cdata") {
    current.push(node.text ?? "");
    return;
  }
  if (node.type !== "element") return;
  const block = BLOCKS.has(node.name ?? "");
  if (block) flush();
  for (const child of node.children ?? []) collectLines(child, lines, current);
  if (block) flush();
}

/**
 * The text of a publication that search indexes (stored by the importer in `search_text`): one
 * block (paragraph, heading, list item, cell) a line, so snippets can cut on lines instead of
 * running a heading into the next sentence.
 */
/** Bump when the rules below change: the importer then recomputes `search_text` for every fiche. */
export const FICHE_SEARCH_TEXT_VERSION = 2;

export function ficheSearchText(publication: XmlNode): string {
  const lines: string[] = [];
  for (const child of elements(publication)) {
    if (!INDEXED.has(child.name ?? "")) continue;
    const current: string[] = [];
    collectLines(child, lines, current);
    const rest = current.join(" ").replace(/\s+/g, " ").trim();
    if (rest) lines.push(rest);
  }
  return lines
    .map((line) => line.replace(/^\*+\s*/, ""))
    .filter((line) => line.length > 0)
    .join("\n");
}
