import type { Db } from "../../../shared/database.ts";
import type { FicheRecord } from "./fiche-record.ts";
import { findFicheTitles } from "./find-fiche-titles.ts";
import { getFiche } from "./get-fiche.ts";
import { referencedIds } from "./referenced-ids.ts";

export type FichePage = {
  fiche: FicheRecord;
  /** Titles of the publications it links to that we hold (links to others are not made). */
  linkedTitles: Map<string, string>;
};

/** Everything a publication page needs, in two queries whatever the number of links. */
export async function getFichePage(
  db: Db,
  options: { organisationId: string; id: string },
): Promise<FichePage> {
  const fiche = await getFiche(db, options);
  const linkedTitles = await findFicheTitles(db, {
    organisationId: options.organisationId,
    ids: referencedIds(fiche.tree),
  });
  return { fiche, linkedTitles };
}
