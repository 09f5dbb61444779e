export type ImportRejection = { file: string; reason: string };

export type ImportReport = {
  source: string;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: ImportRejection[];
  durationMs: number;
};

export type ImportProgress = { done: number; total: number };
