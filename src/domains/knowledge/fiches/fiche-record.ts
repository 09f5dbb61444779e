import type { XmlNode } from "../fiche-model/xml-tree.ts";

/** A stored service-public.fr publication, as the public pages read it. */
export type FicheRecord = {
  id: string;
  kind: "F" | "N" | "R";
  publicationType: string;
  audiences: string[];
  title: string;
  description: string;
  /** Root first, the publication itself last. */
  breadcrumb: { id: string; title: string }[];
  themeId: string | null;
  /** "YYYY-MM-DD", the date service-public.fr last changed it. */
  modifiedAt: string | null;
  /** The Publication (or ServiceComplementaire) element. */
  tree: XmlNode;
};

export type FicheSummary = { id: string; title: string; description: string };

/** Ids as service-public.fr writes them; anything else is refused before reaching the database. */
export const FICHE_ID_PATTERN = /^[FNR]\d{1,7}(-\d{1,3})?$/;
