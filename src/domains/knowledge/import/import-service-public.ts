import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import type { ImportProgress, ImportReport } from "./import-report.ts";

export type ImportSource = { kind: "package" } | { kind: "path"; path: string };

/** STUB — replaced by the knowledge-import work. */
export async function importServicePublic(_options: {
  db: RootDb;
  organisationId: string;
  source: ImportSource;
  clock: Clock;
  onProgress?: (progress: ImportProgress) => void;
}): Promise<ImportReport> {
  return { source: "package", added: 0, updated: 0, unchanged: 0, removed: 0, rejected: [], durationMs: 0 };
}
