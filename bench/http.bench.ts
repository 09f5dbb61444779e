/**
 * Server time of the fiche page and of the search API, measured in-process (Fastify inject: routing,
 * database, rendering, serialisation — no network). Targets: fiche page p95 ≤ 20 ms, search p95 ≤ 15 ms.
 *
 *   npm run bench -- http                   imports all fiches into .tmp/bench-pglite the first time
 *   BENCH_DATA_DIR=/path npm run bench -- http
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openBenchApp, summary } from "./bench-app.ts";

const { app, deps, close } = await openBenchApp();
const handle = { db: deps.db };
const organisation = deps.organisation;
let t = 0;

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
await close();
