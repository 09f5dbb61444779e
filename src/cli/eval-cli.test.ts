import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";

// Only the refusals: they stop before the corpus is indexed. The full run is `npm run eval`.
const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-eval-"));

function runEval(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/eval.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
}

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a missing file is refused in French with exit code 1", () => {
  const file = path.join(dir, "absent.jsonl");
  const result = runEval([file]);
  assert.equal(result.status, 1);
  assert.equal(result.stderr.trim(), `Fichier d'évaluation introuvable : ${file}`);
});

test("a malformed line is refused with its number and exit code 1", () => {
  const file = path.join(dir, "bad.jsonl");
  fs.writeFileSync(file, '{"question":"Perte passeport ?","relevant":["F1"]}\n\n{"question":"Pacs ?"}\n');
  const result = runEval([file, "--json", path.join(dir, "out.json")]);
  assert.equal(result.status, 1);
  assert.equal(
    result.stderr.trim(),
    `${file} : Ligne 3 du fichier d'évaluation : le champ « relevant » doit être une liste non vide d'identifiants.`,
  );
  assert.equal(fs.existsSync(path.join(dir, "out.json")), false);
});

test("no file prints the usage and exits with 2", () => {
  const result = runEval([]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Indiquez un fichier d'évaluation/);
  assert.match(result.stderr, /npm run eval -- FICHIER\.jsonl \[--json RESULTAT\.json\]/);
});
