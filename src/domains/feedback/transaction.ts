import type { Transaction } from "kysely";
import type { Database, Db } from "../../shared/database.ts";

/** Runs `work` in the caller's transaction when it passed one (a resolved case), else in a new one. */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
