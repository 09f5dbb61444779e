/**
 * What every Guichet command-line tool does around its own work: open the configured database and the
 * organisation, turn a refusal (AppError) into its French message and exit code 1, close the database,
 * and exit with the code the command returns (configuration and lock errors print their message).
 */
import { DatabaseLockedError } from "../adapters/db/connect.ts";
import { openConfiguredDatabase } from "../adapters/db/open-configured-database.ts";
import { type Config, ConfigError } from "../config.ts";
import { ensureOrganisation, type Organisation } from "../domains/identity/index.ts";
import { isAppError } from "../shared/app-error.ts";
import type { RootDb } from "../shared/database.ts";

export async function withCliDatabase(
  config: Config,
  work: (context: { db: RootDb; organisation: Organisation }) => Promise<number>,
): Promise<number> {
  const handle = await openConfiguredDatabase(config);
  try {
    const organisation = await ensureOrganisation(handle.db, config.organisation);
    return await work({ db: handle.db, organisation });
  } catch (error) {
    if (isAppError(error)) {
      console.error(error.userMessage);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        error instanceof ConfigError || error instanceof DatabaseLockedError ? error.message : error,
      );
      process.exit(1);
    },
  );
}
