/**
 * Builds the HTTP app in-process on a test database, for app.inject() tests.
 * The search engine and clock can be replaced; readiness starts "ready".
 */
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../src/adapters/http/deps.ts";
import { createReadiness } from "../../src/adapters/http/readiness.ts";
import { buildServer } from "../../src/adapters/http/server.ts";
import { type Config, parseConfig } from "../../src/config.ts";
import { createAssistantContext } from "../../src/domains/assistant/index.ts";
import { ensureOrganisation } from "../../src/domains/identity/index.ts";
import { createSearchEngine } from "../../src/domains/knowledge/search/create-search-engine.ts";
import { type Clock, systemClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

export type TestApp = {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  close(): Promise<void>;
};

export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    database?: TestDatabase;
    deps?: Partial<AppDeps>;
  } = {},
): Promise<TestApp> {
  const config: Config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...options.env });
  const database = options.database ?? (await createTestDatabase());
  const organisation = await ensureOrganisation(database.db, config.organisation);
  const clock = options.clock ?? systemClock;
  const readiness = createReadiness();
  readiness.set("ready");
  const search = options.deps?.search ?? createSearchEngine({ db: database.db, clock });
  const deps: AppDeps = {
    config,
    db: database.db,
    engine: database.engine,
    clock,
    logger: createLogger({ level: "silent" }),
    organisation,
    readiness,
    search,
    assistant: createAssistantContext({ db: database.db, clock, search, publicUrl: config.publicUrl }),
    ...options.deps,
  };
  let app: FastifyInstance;
  try {
    app = await buildServer(deps);
    await app.ready();
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
