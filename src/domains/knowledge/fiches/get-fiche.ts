import { AppError } from "../../../shared/app-error.ts";
import type { Db } from "../../../shared/database.ts";
import { FICHE_ID_PATTERN, type FicheRecord } from "./fiche-record.ts";

export const FICHE_NOT_FOUND_MESSAGE =
  "Cette fiche n'existe pas ou n'est plus publiée. Vérifiez l'adresse ou utilisez la recherche.";

function notFound(id: string): AppError {
  return new AppError("NOT_FOUND", {
    message: `fiche ${id.slice(0, 40)} not found`,
    userMessage: FICHE_NOT_FOUND_MESSAGE,
  });
}

/** One publication by id (primary key). Throws NOT_FOUND for an unknown or malformed id. */
export async function getFiche(
  db: Db,
  options: { organisationId: string; id: string },
): Promise<FicheRecord> {
  if (!FICHE_ID_PATTERN.test(options.id)) throw notFound(options.id);
  const row = await db
    .selectFrom("fiches")
    .select([
      "id",
      "kind",
      "publication_type",
      "audiences",
      "title",
      "description",
      "breadcrumb",
      "theme_id",
      "modified_at",
      "tree",
    ])
    .where("organisation_id", "=", options.organisationId)
    .where("id", "=", options.id)
    .executeTakeFirst();
  if (!row) throw notFound(options.id);
  return {
    id: row.id,
    kind: row.kind,
    publicationType: row.publication_type,
    audiences: row.audiences,
    title: row.title,
    description: row.description,
    breadcrumb: row.breadcrumb,
    themeId: row.theme_id,
    modifiedAt: row.modified_at,
    tree: row.tree,
  };
}
