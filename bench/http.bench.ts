/**
 * Server time of the fiche page and of the search API, measured in-process (Fastify inject: routing,
 * database, rendering, serialisation — no network). Targets: fiche page p95 ≤ 20 ms, search p95 ≤ 15 ms.
 *
 *   npm run bench -- http                   imports all fiches into .tmp/bench-pglite the first time
 *   BENCH_DATA_DIR=/path npm run bench -- http
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/adapters/db/connect.ts";
import { migrate } from "../src/adapters/db/migrate.ts";
import { createReadiness } from "../src/adapters/http/readiness.ts";
import { buildServer } from "../src/adapters/http/server.ts";
import { parseConfig } from "../src/config.ts";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { ensureOrganisation } from "../src/domains/identity/index.ts";
import { countFiches } from "../src/domains/knowledge/fiches.repo.ts";
import { importServicePublic } from "../src/domains/knowledge/import/import-service-public.ts";
import { createSearchEngine } from "../src/domains/knowledge/search/create-search-engine.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createLogger } from "../src/shared/logger.ts";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(label: string, durations: number[]): void {
  const sorted = [...durations].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2).padStart(7);
  console.log(
    `${label.padEnd(28)} n=${String(sorted.length).padStart(5)}  median ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms  p99 ${f(percentile(sorted, 99))} ms  max ${f(sorted.at(-1) ?? 0)} ms`,
  );
}

const dataDir = process.env.BENCH_DATA_DIR ?? path.resolve(import.meta.dirname, "../.tmp/bench-pglite");
const config = parseConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" });
const handle = await openDatabase({ engine: "pglite", dataDir });
await migrate(handle.db, { engine: "pglite" });
const organisation = await ensureOrganisation(handle.db, config.organisation);
if ((await countFiches(handle.db, organisation.id)) === 0) {
  console.log("importing all fiches once into", dataDir);
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
let t = performance.now();
await search.warm(organisation.id);
console.log(
  `search index build: ${(performance.now() - t).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);

const readiness = createReadiness();
readiness.set("ready");
const app = await buildServer({
  config,
  db: handle.db,
  engine: "pglite",
  clock: systemClock,
  logger: createLogger({ level: "silent" }),
  organisation,
  readiness,
  search,
});
await app.ready();
console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model}, Node ${process.version}`);

const ids = (
  await handle.db.selectFrom("fiches").select("id").where("organisation_id", "=", organisation.id).execute()
).map((r) => r.id);
const sample = Array.from({ length: 1000 }, (_, i) => ids[(i * 7919) % ids.length] as string);

// Warm-up, then measure.
for (const id of sample.slice(0, 100)) await app.inject({ url: `/fiches/${id}` });
const pageTimes: number[] = [];
let status200 = 0;
for (const id of sample) {
  t = performance.now();
  const response = await app.inject({ url: `/fiches/${id}` });
  pageTimes.push(performance.now() - t);
  if (response.statusCode === 200) status200++;
}
summary("GET /fiches/:id", pageTimes);
console.log(`  ${status200}/${sample.length} answered 200`);
const f21089 = await app.inject({ url: "/fiches/F21089" });
console.log(`  /fiches/F21089: ${(Buffer.byteLength(f21089.body) / 1024).toFixed(1)} KB of HTML`);

const evalFile = path.resolve(import.meta.dirname, "../../shared/eval/qr-dev.jsonl");
const queries = fs.existsSync(evalFile)
  ? fs
      .readFileSync(evalFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { question: string }).question)
  : [];
queries.push(
  "refaire ma carte d'identité",
  "perte passeport",
  "inscription liste électorale",
  "acte de naissance",
  "CNI",
  "RSA",
  "APL",
);
for (const q of queries.slice(0, 50)) await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
const searchTimes: number[] = [];
for (let round = 0; round < 2; round++) {
  for (const q of queries) {
    t = performance.now();
    await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
    searchTimes.push(performance.now() - t);
  }
}
summary("GET /api/v1/search", searchTimes);
const pageSearchTimes: number[] = [];
for (const q of queries) {
  t = performance.now();
  await app.inject({ url: `/recherche?q=${encodeURIComponent(q)}` });
  pageSearchTimes.push(performance.now() - t);
}
summary("GET /recherche (HTML)", pageSearchTimes);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
await app.close();
await handle.close();
