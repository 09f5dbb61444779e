export type ImportRejection = { file: string; reason: string };

export type ImportReport = {
  source: string;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: ImportRejection[];
  /** Files skipped quietly because they are not publications (indexes, menus, schemas…). */
  ignored: number;
  /**
   * Withdrawn fiches NOT removed because removing them would empty more than half of the
   * knowledge base (a damaged source is more likely than such a withdrawal); 0 normally.
   */
  removalRefused: number;
  durationMs: number;
};

export type ImportProgress = { done: number; total: number };
