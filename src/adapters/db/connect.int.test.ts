import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DatabaseLockedError, openDatabase } from "./connect.ts";

describe("embedded database lock", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-lock-"));
  const dataDir = path.join(dir, "pglite");
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses a second opening of the same data folder, then allows it after close", async () => {
    const first = await openDatabase({ engine: "pglite", dataDir });
    await assert.rejects(openDatabase({ engine: "pglite", dataDir }), (error: unknown) => {
      assert.ok(error instanceof DatabaseLockedError);
      assert.match(error.message, /déjà ouverte par le processus \d+/);
      return true;
    });
    await first.close();
    assert.equal(fs.existsSync(`${dataDir}.lock`), false);
    const again = await openDatabase({ engine: "pglite", dataDir });
    await again.close();
  });

  it("takes over a lock left by a process that died", async () => {
    fs.writeFileSync(`${dataDir}.lock`, "999999999");
    const handle = await openDatabase({ engine: "pglite", dataDir });
    assert.equal(fs.readFileSync(`${dataDir}.lock`, "utf8"), String(process.pid));
    await handle.close();
  });
});
