/**
 * Cuts a service-public.fr publication into passages the assistant can answer with: the introduction,
 * then each situation, chapter, sub-chapter or case, with the titles above it. The "Questions ?
 * Réponses !" box, "Voir aussi" and references are left out, as in search (they are about other pages).
 */
import { attr, elements, firstElement, textOf, type XmlNode } from "../fiche-model/xml-tree.ts";
import type { Passage } from "./passage.ts";

/** Elements that hold sections (titled parts) below them. */
const SECTIONS = new Set(["Situation", "Chapitre", "SousChapitre", "Cas"]);
/** Content that belongs to a page's other pages or to metadata, never to an answer. */
const SKIPPED = new Set([
  "Titre",
  "Condition",
  "QuestionReponse",
  "VoirAussi",
  "Reference",
  "Definition",
  "FilDAriane",
  "Theme",
  "DossierPere",
  "SousDossierPere",
  "SousThemePere",
  "Audience",
  "Canal",
  "SurTitre",
  "InformationComplementaire",
  "Montant",
  "PourEnSavoirPlus",
]);
const BLOCKS = new Set(["Paragraphe", "Item", "Cellule", "Titre", "Ligne"]);
/** A passage shorter than this is merged into the one above (a bare "À savoir" or a one-word case). */
const MIN_WORDS = 12;

function sectionTitle(node: XmlNode): string {
  return textOf(firstElement(node, "Titre"));
}

/** Lines of text directly under a node, not descending into sub-sections. */
function ownLines(node: XmlNode, lines: string[]): void {
  for (const child of node.children ?? []) {
    if (child.type === "text" || child.type === "cdata") {
      const text = (child.text ?? "").replace(/\s+/g, " ").trim();
      if (text) lines.push(text);
      continue;
    }
    if (child.type !== "element" || !child.name) continue;
    if (SECTIONS.has(child.name) || SKIPPED.has(child.name) || child.name.startsWith("dc:")) continue;
    if (BLOCKS.has(child.name)) {
      const text = textOf(child);
      if (text) lines.push(text);
      continue;
    }
    // "À savoir", "Attention", "Où s'adresser": keep their title as a line, then their content.
    if (firstElement(child, "Titre") && !SECTIONS.has(child.name)) {
      const title = sectionTitle(child);
      if (title) lines.push(`${title} :`);
    }
    ownLines(child, lines);
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function walk(node: XmlNode, headings: string[], out: Passage[]): void {
  const lines: string[] = [];
  ownLines(node, lines);
  const text = lines.join("\n");
  const own: Passage = { headings, text };
  const start = out.length;
  if (text) out.push(own);
  const visit = (parent: XmlNode) => {
    for (const child of elements(parent)) {
      if (SKIPPED.has(child.name ?? "")) continue;
      if (SECTIONS.has(child.name ?? "")) {
        const title = sectionTitle(child);
        walk(child, title ? [...headings, title] : headings, out);
      } else if (!BLOCKS.has(child.name ?? "")) visit(child);
    }
  };
  visit(node);
  // Fold tiny sub-passages into their parent so an answer never reads "Gratuit." alone without context.
  if (text && out.length > start + 1) {
    for (let i = out.length - 1; i > start; i--) {
      const passage = out[i] as Passage;
      if (wordCount(passage.text) < MIN_WORDS) {
        const title = passage.headings[passage.headings.length - 1];
        own.text += `\n${title ? `${title} : ` : ""}${passage.text}`;
        out.splice(i, 1);
      }
    }
  }
}

export function extractFichePassages(publication: XmlNode): Passage[] {
  const out: Passage[] = [];
  const introduction = textOf(firstElement(publication, "Introduction"));
  if (introduction) out.push({ headings: [], text: introduction });
  const situations = firstElement(publication, "ListeSituations");
  if (situations) {
    for (const situation of elements(situations, "Situation"))
      walk(situation, [sectionTitle(situation)].filter(Boolean), out);
  }
  const body = firstElement(publication, "Texte");
  if (body) walk(body, [], out);
  // Folders and themes: their content is what they hold, one line per item.
  if (out.length === 0) {
    const lines: string[] = [];
    for (const name of ["SousDossier", "Dossier", "SousTheme", "Fiche"]) {
      for (const child of elements(publication, name)) {
        const text = textOf(child);
        if (text) lines.push(text);
      }
    }
    if (lines.length > 0) out.push({ headings: [], text: lines.join("\n") });
  }
  return out.filter((passage) => passage.text.trim().length > 0);
}

/**
 * The pages a folder holds, labelled for a choice: "Pour un majeur : première demande". Only the
 * folder's own listing (SousDossier/Fiche), never the "see also" links.
 */
export function extractFolderChildren(publication: XmlNode): { sourceId: string; label: string }[] {
  const children: { sourceId: string; label: string }[] = [];
  const add = (fiche: XmlNode, group: string) => {
    const id = attr(fiche, "ID");
    const title = textOf(fiche);
    if (!id || !title) return;
    const label = group ? `${group} : ${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
    children.push({ sourceId: id, label });
  };
  for (const sub of elements(publication, "SousDossier")) {
    const group = sectionTitle(sub);
    for (const fiche of elements(sub, "Fiche")) add(fiche, group);
  }
  for (const fiche of elements(publication, "Fiche")) add(fiche, "");
  return children;
}
