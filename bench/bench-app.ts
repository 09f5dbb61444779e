/**
 * The app the HTTP benchmarks measure: the whole service-public.fr catalogue imported once (PGlite in
 * .tmp/bench-pglite, or the PostgreSQL of DATABASE_URL), the demo seed, the search index warm, and
 * the server built in-process (Fastify inject: routing, database, rendering — no network).
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type DatabaseHandle, openDatabase } from "../src/adapters/db/connect.ts";
import { migrate } from "../src/adapters/db/migrate.ts";
import type { AppDeps } from "../src/adapters/http/deps.ts";
import { createReadiness } from "../src/adapters/http/readiness.ts";
import { buildServer } from "../src/adapters/http/server.ts";
import { parseConfig } from "../src/config.ts";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { createAssistantContext } from "../src/domains/assistant/index.ts";
import { ensureOrganisation } from "../src/domains/identity/index.ts";
import { countFiches } from "../src/domains/knowledge/fiches.repo.ts";
import { importServicePublic } from "../src/domains/knowledge/import/import-service-public.ts";
import { createSearchEngine } from "../src/domains/knowledge/search/create-search-engine.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createLogger } from "../src/shared/logger.ts";

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function summary(label: string, durations: number[]): void {
  const sorted = [...durations].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2).padStart(7);
  console.log(
    `${label.padEnd(28)} n=${String(sorted.length).padStart(5)}  median ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  p99 ${f(percentile(sorted, 99))} ms  max ${f(sorted.at(-1) ?? 0)} ms`,
  );
}

export async function openBenchApp(env: Record<string, string> = {}) {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.BENCH_DATA_DIR ?? path.resolve(import.meta.dirname, "../.tmp/bench-pglite");
  const config = parseConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", ...env });
  const handle: DatabaseHandle = databaseUrl
    ? await openDatabase({ engine: "postgres", url: databaseUrl })
    : await openDatabase({ engine: "pglite", dataDir });
  await migrate(handle.db, { engine: handle.engine });
  const organisation = await ensureOrganisation(handle.db, config.organisation);
  if ((await countFiches(handle.db, organisation.id)) === 0) {
    console.log("importing all fiches once into", databaseUrl ? "PostgreSQL" : dataDir);
    await importServicePublic({
      db: handle.db,
      organisationId: organisation.id,
      source: { kind: "package" },
      clock: systemClock,
    });
  }
  await seedDemo({
    db: handle.db,
    organisationId: organisation.id,
    clock: systemClock,
    logger: createLogger({ level: "silent" }),
  });
  const search = createSearchEngine({ db: handle.db, clock: systemClock });
  const t = performance.now();
  await search.warm(organisation.id);
  console.log(
    `engine ${handle.engine}; search index build: ${(performance.now() - t).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
  );
  const readiness = createReadiness();
  readiness.set("ready");
  const deps: AppDeps = {
    config,
    db: handle.db,
    engine: handle.engine,
    clock: systemClock,
    logger: createLogger({ level: "silent" }),
    organisation,
    readiness,
    search,
    assistant: createAssistantContext({
      db: handle.db,
      clock: systemClock,
      search,
      publicUrl: config.publicUrl,
    }),
  };
  const app = await buildServer(deps);
  await app.ready();
  console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model}, Node ${process.version}`);
  return {
    app,
    deps,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
