/**
 * Imports every service-public.fr fiche from the npm package into a fresh database, then again
 * (everything unchanged), and prints durations, throughput and peak memory.
 *   npx tsx bench/import.bench.ts            fresh PGlite data dir in a temp folder
 *   npx tsx bench/import.bench.ts --postgres PostgreSQL at DATABASE_URL (its fiches are replaced)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DatabaseHandle, openDatabase } from "../src/adapters/db/connect.ts";
import { migrate } from "../src/adapters/db/migrate.ts";
import { ensureOrganisation } from "../src/domains/identity/index.ts";
import type { ImportReport } from "../src/domains/knowledge/import/import-report.ts";
import { importServicePublic } from "../src/domains/knowledge/import/import-service-public.ts";
import { systemClock } from "../src/shared/clock.ts";

const usePostgres = process.argv.includes("--postgres");
const databaseUrl = process.env.DATABASE_URL;
if (usePostgres && !databaseUrl) {
  console.error("--postgres demande la variable DATABASE_URL.");
  process.exit(1);
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-import-bench-"));
const handle: DatabaseHandle =
  usePostgres && databaseUrl
    ? await openDatabase({ engine: "postgres", url: databaseUrl })
    : await openDatabase({ engine: "pglite", dataDir: path.join(tempDir, "pglite") });
await migrate(handle.db, { engine: handle.engine });
const organisation = await ensureOrganisation(handle.db, { slug: "bench-import", name: "Bench import" });
if (usePostgres)
  await handle.db.deleteFrom("fiches").where("organisation_id", "=", organisation.id).execute();

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`;
// PGlite's WebAssembly heap dominates RSS; printing it apart shows what the importer itself adds.
console.log(`RSS après ouverture de la base (${handle.engine}) : ${mb(process.memoryUsage().rss)}`);

async function run(label: string): Promise<ImportReport> {
  peakRss = process.memoryUsage().rss;
  const report = await importServicePublic({
    db: handle.db,
    organisationId: organisation.id,
    source: { kind: "package" },
    clock: systemClock,
  });
  const seconds = report.durationMs / 1000;
  const processed = report.added + report.updated + report.unchanged;
  console.log(
    [
      `${label} (${handle.engine}, ${os.cpus().length} cœurs) : ${seconds.toFixed(1)} s`,
      `${Math.round(processed / seconds)} fiches/s`,
      `RSS max ${mb(peakRss)}`,
      `ajoutées ${report.added}, mises à jour ${report.updated}, inchangées ${report.unchanged}, supprimées ${report.removed}, rejetées ${report.rejected.length}`,
    ].join(" — "),
  );
  for (const rejection of report.rejected.slice(0, 10))
    console.log(`  rejetée : ${rejection.file} — ${rejection.reason}`);
  return report;
}

try {
  await run("Premier import");
  await run("Ré-import");
} finally {
  clearInterval(sampler);
  await handle.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
}
