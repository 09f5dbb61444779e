/**
 * Buffers fiche rows and writes them in multi-row upserts. When a batch is refused, its rows are
 * retried one by one so a single bad row is rejected alone; if every row fails, the database
 * itself is the problem and the error propagates.
 */
import type { Db } from "../../../shared/database.ts";
import { upsertFiches } from "../fiches.repo.ts";
import type { FicheRow } from "./fiche-row.ts";

const MAX_ROWS = 200;
/** Caps the JSON held in memory per batch (a few fiches weigh over 1 MB). */
const MAX_BYTES = 8 * 1024 * 1024;

export type WriteOutcome = { row: FicheRow; file: string; error?: string };

export function createFicheWriter(options: {
  db: Db;
  organisationId: string;
  source: string;
  now: Date;
  onWritten: (outcomes: WriteOutcome[]) => void;
}) {
  let pending: { row: FicheRow; file: string }[] = [];
  let bytes = 0;

  const write = (rows: FicheRow[]) =>
    upsertFiches(options.db, {
      organisationId: options.organisationId,
      source: options.source,
      now: options.now,
      rows,
    });

  async function flush(): Promise<void> {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    bytes = 0;
    try {
      await write(batch.map((item) => item.row));
      options.onWritten(batch);
      return;
    } catch (batchError) {
      const outcomes: WriteOutcome[] = [];
      for (const item of batch) {
        try {
          await write([item.row]);
          outcomes.push(item);
        } catch (error) {
          outcomes.push({ ...item, error: (error as Error).message });
        }
      }
      if (outcomes.every((outcome) => outcome.error)) throw batchError;
      options.onWritten(outcomes);
    }
  }

  return {
    async add(row: FicheRow, file: string): Promise<void> {
      pending.push({ row, file });
      bytes += row.tree.length + row.search_text.length;
      if (pending.length >= MAX_ROWS || bytes >= MAX_BYTES) await flush();
    },
    flush,
  };
}
