import type { Transaction } from "kysely";
import type { Database, Db } from "../../../shared/database.ts";

/** Joins the caller's transaction when given one, so a key change and its event commit together. */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
