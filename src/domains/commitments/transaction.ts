import type { Transaction } from "kysely";
import type { Database, Db } from "../../shared/database.ts";

export type Trx = Transaction<Database>;

/** Runs `work` in the caller's transaction when it passed one (the cases domain does), else in a new one. */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Trx);
  return db.transaction().execute(work);
}
