export {
  createPassageStore,
  type FolderTitle,
  type LocalQuestions,
  type PassageStore,
} from "./create-passage-store.ts";
export { extractFichePassages, extractFolderChildren } from "./extract-fiche-passages.ts";
export type { PagePassages, Passage } from "./passage.ts";
export { type RankedPassage, rankPassages } from "./rank-passages.ts";
