import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-cli-"));

function runCli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/import.ts", ...args], {
    cwd: root,
    env,
    encoding: "utf8",
  });
}

after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test("an unknown command prints the usage and exits with 2", () => {
  const result = runCli(["tout"]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Commande inconnue ou absente/);
  assert.match(result.stderr, /npm run import -- service-public \[--from CHEMIN\] \[--force\]/);
});

test("a missing source exits with 1 and says nothing was removed", () => {
  const result = runCli(["service-public", "--from", path.join(dataDir, "absent.zip")]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Import impossible : La source d'import « .*absent\.zip » est introuvable\./);
  assert.match(result.stderr, /Aucune fiche n'a été supprimée/);
});

test("an embedded database already open elsewhere is refused with the way out", () => {
  fs.mkdirSync(dataDir, { recursive: true });
  // The lock of a live process (this test runner) holding the embedded database.
  const pidFile = path.join(dataDir, "pglite.lock");
  fs.writeFileSync(pidFile, String(process.pid));
  try {
    const result = runCli(["service-public"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /est déjà ouverte par le processus \d+, sans doute le serveur Guichet/);
    assert.match(result.stderr, /Lancez l'import serveur arrêté/);
  } finally {
    fs.rmSync(pidFile);
  }
});
