import { sql } from "kysely";
import type { Db } from "../../../shared/database.ts";
import type { FicheSummary } from "./fiche-record.ts";

/** The top-level themes (N… publications of type "Theme") for one audience, alphabetically. */
export async function listThemes(
  db: Db,
  options: { organisationId: string; audience?: string },
): Promise<FicheSummary[]> {
  const rows = await db
    .selectFrom("fiches")
    .select(["id", "title", "description"])
    .where("organisation_id", "=", options.organisationId)
    .where("kind", "=", "N")
    .where("publication_type", "=", "Theme")
    .where(sql<boolean>`${options.audience ?? "particuliers"} = ANY(audiences)`)
    .execute();
  return rows.sort((a, b) => a.title.localeCompare(b.title, "fr"));
}
