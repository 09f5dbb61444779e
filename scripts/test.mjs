#!/usr/bin/env node
// Runs the test files with node's test runner (Node 20 has no glob support for --test).
//   npm test            every *.test.ts (unit, PGlite integration, HTTP, browser) — offline
//   npm run test:db     the *.int.test.ts files again against PostgreSQL (TEST_DATABASE_URL)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const dbMode = args.includes("--db");
const only = args.filter((a) => !a.startsWith("--"));

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(full);
    return entry.name.endsWith(".test.ts") || entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

let files = [...walk(path.join(root, "src")), ...walk(path.join(root, "test"))].sort();
if (dbMode) files = files.filter((f) => /\.int\.test\.tsx?$/.test(f));
if (only.length > 0) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error("Aucun fichier de test trouvé.");
  process.exit(1);
}

const env = { ...process.env, NODE_ENV: "test", TZ: "Europe/Paris" };
if (dbMode) env.TEST_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/test";
else delete env.TEST_DATABASE_URL;

const result = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=2",
    "--test-timeout=300000",
    ...files.map((f) => path.relative(root, f)),
  ],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
