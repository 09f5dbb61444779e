/**
 * Turns one publication tree and its audiences into the values of a `fiches` row.
 * The content hash covers what the row shows (tree + audiences + search-text rules), so a re-import can tell
 * unchanged fiches from changed ones without reading the stored trees back.
 */
import { createHash } from "node:crypto";
import type { XmlNode } from "../../../shared/database.ts";
import { type AudienceName, type FicheKind, parseFiche } from "../fiche-model/parse-fiche.ts";
import { FICHE_SEARCH_TEXT_VERSION, ficheSearchText } from "../search/fiche-search-text.ts";

export const AUDIENCE_ORDER: readonly AudienceName[] = ["particuliers", "professionnels", "associations"];

export type FicheRow = {
  id: string;
  kind: FicheKind;
  publication_type: string;
  audiences: AudienceName[];
  title: string;
  description: string;
  subject: string;
  /** JSON text */
  breadcrumb: string;
  theme_id: string | null;
  parent_id: string | null;
  search_text: string;
  /** Canonical JSON text of the Publication element. */
  tree: string;
  content_hash: string;
  modified_at: string | null;
};

/**
 * JSON with object keys sorted at every level: the same tree always gives the same text.
 * NUL characters are dropped: PostgreSQL refuses them in text and jsonb.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === "string") return withoutNul(inner);
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) sorted[key] = record[key];
    return sorted;
  });
}

export function sortAudiences(audiences: Iterable<AudienceName>): AudienceName[] {
  const set = new Set(audiences);
  return AUDIENCE_ORDER.filter((audience) => set.has(audience));
}

function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

function validDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

export type PreparedFiche = {
  id: string;
  contentHash: string;
  /** The full row; search text is only computed for fiches that are new or changed. */
  toRow(): FicheRow;
};

/** Throws FicheParseError (French message) when the id or title is missing. */
export function prepareFiche(input: { tree: XmlNode; audiences: Iterable<AudienceName> }): PreparedFiche {
  const fiche = parseFiche(input.tree);
  const audiences = sortAudiences(input.audiences);
  const tree = canonicalJson(fiche.publication);
  // Same text as canonicalJson({ audiences, searchTextVersion, tree }) (keys sorted). The version of the
  // search-text rules is part of the hash, so changing those rules refreshes every row on the next import.
  const contentHash = createHash("sha256")
    .update(
      `{"audiences":${JSON.stringify(audiences)},"searchTextVersion":${FICHE_SEARCH_TEXT_VERSION},"tree":`,
    )
    .update(tree)
    .update("}")
    .digest("hex");
  return {
    id: fiche.id,
    contentHash,
    toRow: () => ({
      id: fiche.id,
      kind: fiche.kind,
      publication_type: withoutNul(fiche.publicationType),
      audiences,
      title: withoutNul(fiche.title),
      description: withoutNul(fiche.description),
      subject: withoutNul(fiche.subject),
      breadcrumb: canonicalJson(fiche.breadcrumb),
      theme_id: fiche.themeId ?? null,
      parent_id: fiche.parentId ?? null,
      search_text: withoutNul(ficheSearchText(fiche.publication)),
      tree,
      content_hash: contentHash,
      modified_at: validDate(fiche.modifiedAt),
    }),
  };
}
