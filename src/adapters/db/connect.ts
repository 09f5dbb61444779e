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

/** The embedded database is already open in another live process. */
export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `La base embarquée (${dataDir}) est déjà ouverte par le processus ${pid}, sans doute le serveur Guichet. ` +
        "Avec PGlite, un seul processus peut l'ouvrir : arrêtez-le, puis relancez (ou utilisez PostgreSQL avec DATABASE_URL).",
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite does not lock its folder: two processes could open it and corrupt it. A lock file holding the
 * owner's pid prevents that; a lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DatabaseLockedError(dataDir, owner);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${lockFile}`);
}

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

  let unlock = () => {};
  if (target.dataDir) {
    fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
    unlock = lockDataDir(target.dataDir);
  }
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
  return {
    db,
    engine: "pglite",
    pglite,
    close: async () => {
      await db.destroy();
      // Kysely only destroys a driver it has initialised (on a first query): close PGlite ourselves.
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}
