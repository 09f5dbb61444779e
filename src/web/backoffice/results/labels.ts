import type { ResultsPublicationStatus } from "../../../shared/database.ts";

export const RESULTS_ADMIN_PATH = "/admin/resultats";
export const resultsDraftsPath = `${RESULTS_ADMIN_PATH}/brouillons`;
export const resultsAdminPath = (id: string): string => `${RESULTS_ADMIN_PATH}/${id}`;
export const publishPath = (id: string): string => `${resultsAdminPath(id)}/publication`;
export const withdrawPath = (id: string): string => `${resultsAdminPath(id)}/retrait`;
export const discardPath = (id: string): string => `${resultsAdminPath(id)}/suppression`;

export const RESULTS_ADMIN_MESSAGE = "La publication des résultats est réservée aux administrateurs.";

/** Form fields → element ids (errors link to them). */
export const PERIOD_FIELD_IDS = {
  periode: "resultats-periode",
  du: "resultats-du",
  au: "resultats-au",
} as const;
export const CONFIRM_FIELD_ID = "resultats-confirmation";

export const STATUS_LABELS: Record<ResultsPublicationStatus, string> = {
  draft: "Brouillon (non public)",
  published: "Publié",
  withdrawn: "Retiré",
};
