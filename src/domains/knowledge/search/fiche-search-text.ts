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

/** Marks a line of `search_text` as a section heading (see `splitSearchText`). */
export const HEADING_MARK = "# ";

/** Elements whose `Titre` names a section of the page: chapters, situations, cases, folder parts. */
const SECTIONS = new Set(["Chapitre", "SousChapitre", "Situation", "Cas", "SousDossier", "SousTheme"]);
/** Elements that end a line, so sentences and list items do not run together in snippets. */
const BLOCKS = new Set(["Paragraphe", "Item", "Titre", "Cellule", "Liste", "Tableau", "Fiche", "Dossier"]);

function collectLines(node: XmlNode, lines: string[], parentName: string, current: string[]): void {
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
  if (node.name === "Titre" && SECTIONS.has(parentName)) {
    flush();
    const heading = textOf(node);
    if (heading) lines.push(`${HEADING_MARK}${heading}`);
    return;
  }
  const block = BLOCKS.has(node.name ?? "");
  if (block) flush();
  for (const child of node.children ?? []) collectLines(child, lines, node.name ?? "", current);
  if (block) flush();
}

/**
 * The text of a publication that search indexes (stored by the importer in `search_text`): one
 * block (paragraph, list item, cell) a line; section titles on their own line, marked by
 * HEADING_MARK, so search can weigh them as headings and snippets can cut on lines.
 */
export function ficheSearchText(publication: XmlNode): string {
  const lines: string[] = [];
  for (const child of elements(publication)) {
    if (!INDEXED.has(child.name ?? "")) continue;
    // The sub-folder a fiche sits in ("Pour un majeur") heads the whole page.
    if (child.name === "SousDossierPere") {
      const heading = textOf(child);
      if (heading) lines.push(`${HEADING_MARK}${heading}`);
      continue;
    }
    const current: string[] = [];
    collectLines(child, lines, "", current);
    const rest = current.join(" ").replace(/\s+/g, " ").trim();
    if (rest) lines.push(rest);
  }
  return lines
    .map((line) => line.replace(/^\*+\s*/, ""))
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Splits a stored `search_text` into its section headings and its running text (marks removed). */
export function splitSearchText(searchText: string): { headings: string; body: string } {
  const headings: string[] = [];
  const body: string[] = [];
  for (const line of searchText.split("\n")) {
    if (line.startsWith(HEADING_MARK)) {
      const heading = line.slice(HEADING_MARK.length);
      headings.push(heading);
      body.push(heading);
    } else body.push(line);
  }
  return { headings: headings.join("\n"), body: body.join("\n") };
}
