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
  /** LISTEN on a channel (see `Listen`). */
  listen: Listen;
  close(): Promise<void>;
};

export type Unlisten = () => Promise<void>;

/**
 * Receives the NOTIFY payloads of a channel, from every process sharing the database. On PostgreSQL
 * each call holds a dedicated connection (a pooled one would lose its LISTEN when returned);
 * `onLost` is called if it breaks, so the caller can listen again. PGlite notifies within the process.
 */
export type Listen = (
  channel: string,
  onNotify: (payload: string) => void,
  onLost?: (error: unknown) => void,
) => Promise<Unlisten>;

const listeners = new WeakMap<object, Listen>();

/** The `listen` of the handle that opened this Kysely instance (routes only receive `db`). */
export function databaseListener(db: object): Listen | undefined {
  return listeners.get(db);
}

function postgresListen(url: string, parseTypes: pg.CustomTypesConfig): Listen {
  return async (channel, onNotify, onLost) => {
    const client = new pg.Client({ connectionString: url, types: parseTypes });
    let ended = false;
    client.on("notification", (message) => {
      if (message.channel === channel) onNotify(message.payload ?? "");
    });
    const lost = (error: unknown) => {
      if (ended) return;
      ended = true;
      client.end().catch(() => undefined);
      onLost?.(error);
    };
    client.on("error", lost);
    client.on("end", () => lost(new Error("LISTEN connection closed")));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      if (ended) return;
      ended = true;
      await client.end();
    };
  };
}

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
    const types = {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
        if (oid === DATE_OID) return (value: string) => value;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    };
    const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10, types });
    // An idle connection the server ends (restart, failover, pg_terminate_backend) is an "error" event on
    // the pool; unheard, it would crash the process. The pool drops that client and the next query
    // connects again; a query that was running gets its own error.
    pool.on("error", () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const listen = postgresListen(target.url, types);
    listeners.set(db, listen);
    return { db, engine: "postgres", listen, close: () => db.destroy() };
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
  // Through the dialect's lock: a LISTEN issued while a transaction is open would join it.
  const listen: Listen = (channel, onNotify) =>
    db.connection().execute(async () => {
      const unlisten = await pglite.listen(channel, onNotify);
      return () => db.connection().execute(async () => (pglite.closed ? undefined : unlisten()));
    });
  listeners.set(db, listen);
  return {
    db,
    engine: "pglite",
    pglite,
    listen,
    close: async () => {
      await db.destroy();
      // Kysely only destroys a driver it has initialised (on a first query): close PGlite ourselves.
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}
