/**
 * Forward-only migrations: numbered SQL files in migrations/, applied in order, each in its own
 * transaction, recorded with a checksum. An applied file that changed is an error, never re-run.
 * On PostgreSQL an advisory lock lets several app processes start at once safely.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../shared/database.ts";

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../migrations",
);

export type MigrationFile = { version: string; name: string; sql: string; checksum: string };

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const LOCK_KEY = 4_815_162_342;

export function readMigrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Nom de migration invalide : ${file} (attendu NNNN_nom.sql)`);
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      return {
        version: match[1] as string,
        name: match[2] as string,
        sql: text,
        checksum: createHash("sha256").update(text).digest("hex"),
      };
    });
}

export async function migrate(
  db: Kysely<Database>,
  options: { engine: "postgres" | "pglite"; dir?: string },
): Promise<{ applied: string[] }> {
  const files = readMigrationFiles(options.dir);
  const applied: string[] = [];
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);

  await db.connection().execute(async (conn) => {
    if (options.engine === "postgres") await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      const done = await sql<{ version: string; checksum: string }>`
        SELECT version, checksum FROM schema_migrations`.execute(conn);
      const known = new Map(done.rows.map((row) => [row.version, row.checksum]));
      for (const file of files) {
        const checksum = known.get(file.version);
        if (checksum !== undefined) {
          if (checksum !== file.checksum) {
            throw new Error(`La migration ${file.version}_${file.name} a été modifiée après application.`);
          }
          continue;
        }
        await conn.transaction().execute(async (trx) => {
          await sql.raw(file.sql).execute(trx);
          await sql`INSERT INTO schema_migrations (version, name, checksum)
            VALUES (${file.version}, ${file.name}, ${file.checksum})`.execute(trx);
        });
        applied.push(`${file.version}_${file.name}`);
      }
    } finally {
      if (options.engine === "postgres") await sql`SELECT pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
  return { applied };
}
