export { FICHE_ID_PATTERN, type FicheRecord, type FicheSummary } from "./fiche-record.ts";
export { findFicheTitles } from "./find-fiche-titles.ts";
export { FICHE_NOT_FOUND_MESSAGE, getFiche } from "./get-fiche.ts";
export { type FichePage, getFichePage } from "./get-fiche-page.ts";
export { listPopularProcedures, POPULAR_PROCEDURE_IDS } from "./list-popular-procedures.ts";
export { listThemes } from "./list-themes.ts";
export { referencedIds } from "./referenced-ids.ts";
