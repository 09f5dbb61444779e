/**
 * Opens the database: PostgreSQL when a URL is given, PGlite (embedded) otherwise.
 * Both engines return the same JS types: int8 → number, date → "YYYY-MM-DD", timestamptz → Date.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../../shared/database.ts";
import { PGliteDialect } from "./pglite-dialect.ts";

export type DatabaseTarget =
  | { engine: "postgres"; url: string; maxConnections?: number }
  /** `dataDir` undefined → in memory; `loadDataDir` restores a dump made by `dumpDataDir`. */
  | { engine: "pglite"; dataDir?: string; loadDataDir?: Blob };

export type DatabaseHandle = {
  db: Kysely<Database>;
  engine: "postgres" | "pglite";
  /** The PGlite instance (for dumps in tests); undefined on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
};

const INT8_OID = 20;
const DATE_OID = 1082;
const NUMERIC_OID = 1700;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.engine === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") => {
          if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
          if (oid === DATE_OID) return (value: string) => value;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", close: () => db.destroy() };
  }

  if (target.dataDir) fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    dataDir: target.dataDir,
    loadDataDir: target.loadDataDir,
    parsers: {
      [pgliteTypes.INT8]: (value: string) => Number(value),
      [pgliteTypes.NUMERIC]: (value: string) => Number(value),
      [pgliteTypes.DATE]: (value: string) => value,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: "pglite", pglite, close: () => db.destroy() };
}
