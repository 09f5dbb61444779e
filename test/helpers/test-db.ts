/**
 * One migrated database per test file.
 * - default: PGlite in memory, restored from a migrated template cached in .tmp/ (faster than initdb);
 * - with TEST_DATABASE_URL (CI's second run): a fresh PostgreSQL database, dropped at the end.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../../src/adapters/db/connect.ts";
import { migrate, readMigrationFiles } from "../../src/adapters/db/migrate.ts";
import type { Database } from "../../src/shared/database.ts";

const TMP_DIR = path.resolve(import.meta.dirname, "../../.tmp");

export type TestDatabase = DatabaseHandle & {
  /** Empties every table (not the migrations), between tests. */
  truncate(): Promise<void>;
};

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash("sha256")
    .update(
      readMigrationFiles()
        .map((f) => f.checksum)
        .join(","),
    )
    .digest("hex")
    .slice(0, 16);
  const file = path.join(TMP_DIR, `pglite-template-${hash}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const handle = await openDatabase({ engine: "pglite" });
  await migrate(handle.db, { engine: "pglite" });
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
  return dump;
}

async function truncateAll(db: Kysely<Database>): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`.execute(
    db,
  );
  if (tables.rows.length === 0) return;
  const list = tables.rows.map((t) => `"${t.tablename}"`).join(", ");
  await sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`).execute(db);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `guichet_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = await openDatabase({ engine: "postgres", url: dbUrl.toString(), maxConnections: 5 });
    await migrate(handle.db, { engine: "postgres" });
    return {
      ...handle,
      truncate: () => truncateAll(handle.db),
      close: async () => {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const handle = await openDatabase({ engine: "pglite", loadDataDir: await pgliteTemplate() });
  await migrate(handle.db, { engine: "pglite" });
  return { ...handle, truncate: () => truncateAll(handle.db) };
}
