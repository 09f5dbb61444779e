import type { Db } from "../../../shared/database.ts";
import type { FicheSummary } from "./fiche-record.ts";

/**
 * The procedures people most often come to a town hall for, in this order. Curated by hand (every
 * id checked against the package): identity papers, elections, civil status, town planning.
 */
export const POPULAR_PROCEDURE_IDS: readonly string[] = [
  "F21089", // Renouvellement de la carte d'identité d'un majeur
  "F1341", // Carte d'identité d'un majeur : première demande
  "F14929", // Passeport d'un majeur : première demande
  "F1367", // Listes électorales : nouvelle inscription
  "F1427", // Acte de naissance : copie intégrale ou extrait
  "F1432", // Acte de mariage : copie intégrale ou extrait
  "F1444", // Acte de décès : copie intégrale
  "F961", // Déclaration de naissance
  "F1618", // Se pacser
  "F870", // Recensement citoyen
  "F2191", // Attestation d'accueil
  "F1986", // Permis de construire
  "F17578", // Déclaration préalable de travaux
];

/** The curated procedures that the knowledge base holds, in the curated order. */
export async function listPopularProcedures(
  db: Db,
  options: { organisationId: string },
): Promise<FicheSummary[]> {
  const rows = await db
    .selectFrom("fiches")
    .select(["id", "title", "description"])
    .where("organisation_id", "=", options.organisationId)
    .where("id", "in", [...POPULAR_PROCEDURE_IDS])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return POPULAR_PROCEDURE_IDS.flatMap((id) => byId.get(id) ?? []);
}
