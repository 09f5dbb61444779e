/**
 * Reads the metadata of a service-public.fr publication (schema 3.x) from its tree.
 * The tree is what the npm package ships and what our XML import produces: a document
 * `{ children: [Publication] }` or the Publication element itself.
 */
import { attr, elements, firstElement, textOf, type XmlNode } from "./xml-tree.ts";

export type FicheKind = "F" | "N" | "R";
export type AudienceName = "particuliers" | "professionnels" | "associations";

export type ParsedFiche = {
  id: string;
  kind: FicheKind;
  /** "Fiche d'information", "Fiche Question-réponse", "Dossier", "Theme", "Téléservice"… */
  publicationType: string;
  audience: AudienceName | undefined;
  title: string;
  description: string;
  subject: string;
  /** From FilDAriane, root ("Accueil particuliers") first, the fiche itself last. */
  breadcrumb: { id: string; title: string }[];
  themeId: string | undefined;
  /** The folder (DossierPere) or theme this publication belongs to. */
  parentId: string | undefined;
  /** "YYYY-MM-DD" from dc:date "modified 2020-10-01". */
  modifiedAt: string | undefined;
  /** The root element (Publication or ServiceComplementaire). */
  publication: XmlNode;
};

export class FicheParseError extends Error {
  override name = "FicheParseError";
}

const ID_PATTERN = /^[FNR]\d+(-\d+)?$/;

/** Root elements of the schema: Publication (F…, N…) and ServiceComplementaire (R…). */
const ROOT_NAMES = new Set(["Publication", "ServiceComplementaire"]);

export function findPublication(root: XmlNode): XmlNode | undefined {
  if (root.type === "element" && ROOT_NAMES.has(root.name ?? "")) return root;
  return elements(root).find((child) => ROOT_NAMES.has(child.name ?? ""));
}

export function audienceFromLabel(label: string | undefined): AudienceName | undefined {
  const value = (label ?? "").trim().toLowerCase();
  if (value.startsWith("particulier")) return "particuliers";
  if (value.startsWith("professionnel") || value.startsWith("entreprise")) return "professionnels";
  if (value.startsWith("association")) return "associations";
  return undefined;
}

export function parseFiche(root: XmlNode): ParsedFiche {
  const publication = findPublication(root);
  if (!publication)
    throw new FicheParseError("élément racine <Publication> ou <ServiceComplementaire> absent");
  const id = attr(publication, "ID") ?? textOf(firstElement(publication, "dc:identifier"));
  if (!id || !ID_PATTERN.test(id))
    throw new FicheParseError(`identifiant de fiche invalide : « ${id ?? ""} »`);
  const title = textOf(firstElement(publication, "dc:title"));
  if (!title) throw new FicheParseError(`${id} : titre (dc:title) absent`);

  const breadcrumb = elements(firstElement(publication, "FilDAriane"), "Niveau").map((niveau) => ({
    id: attr(niveau, "ID") ?? "",
    title: textOf(niveau),
  }));
  const date = /(\d{4}-\d{2}-\d{2})/.exec(textOf(firstElement(publication, "dc:date")));
  const parentId =
    attr(firstElement(publication, "DossierPere"), "ID") ??
    breadcrumb.filter((b) => b.id !== id && /^N\d/.test(b.id)).at(-1)?.id;

  return {
    id,
    kind: id[0] as FicheKind,
    publicationType: attr(publication, "type") ?? textOf(firstElement(publication, "dc:type")),
    audience: audienceFromLabel(textOf(firstElement(publication, "Audience"))),
    title,
    description: textOf(firstElement(publication, "dc:description")),
    subject: textOf(firstElement(publication, "dc:subject")),
    breadcrumb,
    themeId: attr(firstElement(publication, "Theme"), "ID"),
    parentId,
    modifiedAt: date?.[1],
    publication,
  };
}
