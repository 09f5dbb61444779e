import path from "node:path";
import type { Config } from "../../config.ts";
import { type DatabaseHandle, openDatabase } from "./connect.ts";
import { migrate } from "./migrate.ts";

/**
 * The database the configuration names (PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR), migrated.
 * Shared by the server and the command-line tools. Throws DatabaseLockedError when PGlite is in use elsewhere.
 */
export async function openConfiguredDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = config.databaseUrl
    ? await openDatabase({ engine: "postgres", url: config.databaseUrl })
    : await openDatabase({ engine: "pglite", dataDir: path.join(config.dataDir, "pglite") });
  try {
    const { applied } = await migrate(handle.db, { engine: handle.engine });
    return { ...handle, applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
