import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import {
  copyPackageSubset,
  makeTempDir,
  readPackageTree,
  sampleIds,
} from "../../../../test/fixtures/import/import-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { AppError } from "../../../shared/app-error.ts";
import { fixedClock } from "../../../shared/clock.ts";
import type { XmlNode } from "../../../shared/database.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { getKnowledgeRevision } from "../knowledge-revision.ts";
import { importServicePublic } from "./import-service-public.ts";

let database: TestDatabase;
let organisationId: string;
let ids: string[];
let baseDir: string;
const clock = fixedClock(new Date("2025-03-01T09:00:00Z"));

/** A fresh copy per test, so tests that damage it stay independent. */
function packageCopy(): string {
  const dir = makeTempDir();
  fs.cpSync(baseDir, dir, { recursive: true });
  return dir;
}

const importFrom = (dataDir: string, extra: { force?: boolean } = {}) =>
  importServicePublic({
    db: database.db,
    organisationId,
    source: { kind: "package", dataDir },
    clock,
    ...extra,
  });

function setTitle(tree: XmlNode, title: string): void {
  const publication = tree.children?.find((child) => child.type === "element");
  const titleNode = publication?.children?.find((child) => child.name === "dc:title");
  assert.ok(titleNode);
  titleNode.children = [{ type: "text", text: title }];
}

before(async () => {
  database = await createTestDatabase();
  ids = sampleIds({ step: 40 });
  baseDir = makeTempDir();
  copyPackageSubset(baseDir, ids);
});

after(async () => {
  await database.close();
  fs.rmSync(baseDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await database.truncate();
  organisationId = (await ensureOrganisation(database.db, { slug: "test", name: "Test" })).id;
});

describe("importServicePublic from the npm package", () => {
  test("imports every fiche once, with its metadata, audiences, run record, event and revision", async () => {
    const revisionBefore = await getKnowledgeRevision(database.db, organisationId);
    const report = await importFrom(baseDir);

    assert.equal(report.added, ids.length);
    assert.deepEqual(
      [report.updated, report.unchanged, report.removed, report.rejected.length],
      [0, 0, 0, 0],
    );
    const rows = await database.db
      .selectFrom("fiches")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .execute();
    assert.deepEqual(rows.map((row) => row.id).sort(), ids);

    const shared = rows.find((row) => row.audiences.length > 1);
    assert.ok(shared, "the sample holds a fiche published for several audiences");
    assert.deepEqual(
      shared.audiences,
      ["particuliers", "professionnels", "associations"].filter((a) =>
        fs.existsSync(path.join(baseDir, a, `${shared.id}.json`)),
      ),
    );
    // The particuliers tree is preferred.
    assert.match(shared.tree.attributes?.spUrl ?? "", /\/particuliers\//);

    const fiche = rows.find((row) => row.kind === "F");
    assert.ok(fiche);
    assert.ok(fiche.title.length > 0 && fiche.search_text.length > 0);
    assert.match(fiche.content_hash, /^[0-9a-f]{64}$/);
    assert.match(fiche.modified_at ?? "", /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(fiche.source, path.resolve(baseDir));
    assert.equal(fiche.tree.name, "Publication");

    const runs = await database.db.selectFrom("import_runs").selectAll().execute();
    assert.equal(runs.length, 1);
    assert.equal(runs[0]?.report.added, ids.length);
    assert.ok(runs[0]?.finished_at);
    const events = await database.db
      .selectFrom("events")
      .selectAll()
      .where("entity_type", "=", "knowledge_import")
      .execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.action, "completed");
    assert.equal(await getKnowledgeRevision(database.db, organisationId), revisionBefore + 1);
  });

  test("a re-import of the same source changes nothing", async () => {
    await importFrom(baseDir);
    const revision = await getKnowledgeRevision(database.db, organisationId);
    clock.advance(60_000);
    const report = await importFrom(baseDir);

    assert.deepEqual(
      [report.added, report.updated, report.unchanged, report.removed, report.rejected.length],
      [0, 0, ids.length, 0, 0],
    );
    assert.equal(await getKnowledgeRevision(database.db, organisationId), revision);
    const events = await database.db
      .selectFrom("events")
      .select("id")
      .where("entity_type", "=", "knowledge_import")
      .execute();
    assert.equal(events.length, 2);
  });

  test("a changed fiche is updated under the same id and a withdrawn one is removed", async () => {
    const dir = packageCopy();
    await importFrom(dir);
    const [changedId, withdrawnId] = ids.filter((id) =>
      fs.existsSync(path.join(dir, "particuliers", `${id}.json`)),
    );
    assert.ok(changedId && withdrawnId);
    const tree = readPackageTree(dir, "particuliers", changedId);
    setTitle(tree, "Titre modifié par le test");
    fs.writeFileSync(path.join(dir, "particuliers", `${changedId}.json`), JSON.stringify(tree));
    for (const audience of ["particuliers", "professionnels", "associations"]) {
      fs.rmSync(path.join(dir, audience, `${withdrawnId}.json`), { force: true });
    }
    const before = await database.db
      .selectFrom("fiches")
      .selectAll()
      .where("id", "=", changedId)
      .executeTakeFirstOrThrow();
    clock.advance(3_600_000);

    const report = await importFrom(dir);

    assert.deepEqual([report.added, report.updated, report.removed], [0, 1, 1]);
    assert.equal(report.unchanged, ids.length - 2);
    const changed = await database.db
      .selectFrom("fiches")
      .selectAll()
      .where("id", "=", changedId)
      .executeTakeFirstOrThrow();
    assert.equal(changed.title, "Titre modifié par le test");
    assert.notEqual(changed.content_hash, before.content_hash);
    assert.equal(changed.imported_at.getTime(), before.imported_at.getTime());
    assert.equal(changed.updated_at.getTime(), clock.now().getTime());
    const withdrawn = await database.db
      .selectFrom("fiches")
      .select("id")
      .where("id", "=", withdrawnId)
      .executeTakeFirst();
    assert.equal(withdrawn, undefined);
  });

  test("malformed files are rejected with a French reason, the rest imports, and their stored fiche stays", async () => {
    const dir = packageCopy();
    await importFrom(dir);
    const particuliers = ids.filter((id) => fs.existsSync(path.join(dir, "particuliers", `${id}.json`)));
    const [brokenId, untitledId] = particuliers.filter(
      (id) => !fs.existsSync(path.join(dir, "professionnels", `${id}.json`)),
    );
    assert.ok(brokenId && untitledId);
    fs.writeFileSync(path.join(dir, "particuliers", `${brokenId}.json`), '{"children": [ {"type": ');
    const tree = readPackageTree(dir, "particuliers", untitledId);
    setTitle(tree, "");
    fs.writeFileSync(path.join(dir, "particuliers", `${untitledId}.json`), JSON.stringify(tree));
    fs.writeFileSync(path.join(dir, "particuliers", "F999999.json"), "pas du JSON");

    const report = await importFrom(dir);

    const reasons = new Map(report.rejected.map((r) => [r.file, r.reason]));
    assert.match(reasons.get(`particuliers/${brokenId}.json`) ?? "", /^JSON invalide/);
    assert.match(reasons.get(`particuliers/${untitledId}.json`) ?? "", /titre \(dc:title\) absent/);
    assert.match(reasons.get("particuliers/F999999.json") ?? "", /^JSON invalide/);
    assert.equal(report.rejected.length, 3);
    assert.equal(report.unchanged, ids.length - 2);
    assert.equal(report.removed, 0, "a damaged file is not a withdrawal");
    const kept = await database.db
      .selectFrom("fiches")
      .select("id")
      .where("id", "in", [brokenId, untitledId])
      .execute();
    assert.equal(kept.length, 2);
  });

  test("refuses to remove more than half of the fiches unless forced", async () => {
    await importFrom(baseDir);
    const dir = makeTempDir();
    const few = ids.slice(0, 5);
    copyPackageSubset(dir, few);

    await assert.rejects(importFrom(dir), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, "CONFLICT");
      assert.match(
        error.userMessage,
        /retirerait \d+ fiches sur \d+ : import refusé par précaution.*--force/,
      );
      return true;
    });
    assert.equal(
      Number(
        (
          await database.db
            .selectFrom("fiches")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      ids.length,
    );

    const forced = await importFrom(dir, { force: true });
    assert.equal(forced.removed, ids.length - few.length);
  });

  test("an unusable source is refused with a clear message and removes nothing", async () => {
    await importFrom(baseDir);
    const empty = makeTempDir();
    const notZip = path.join(empty, "export.zip");
    const cases: [Parameters<typeof importServicePublic>[0]["source"], RegExp][] = [
      [{ kind: "path", path: path.join(empty, "absent") }, /est introuvable/],
      [{ kind: "path", path: empty }, /ne contient aucune fiche/],
      [{ kind: "package", dataDir: empty }, /données du paquet .* sont introuvables/],
    ];
    for (const [source, message] of cases) {
      await assert.rejects(
        importServicePublic({ db: database.db, organisationId, source, clock }),
        (error: unknown) => {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, "BAD_REQUEST");
          assert.match(error.userMessage, message);
          return true;
        },
      );
    }
    fs.writeFileSync(notZip, "ceci n'est pas une archive");
    await assert.rejects(
      importServicePublic({ db: database.db, organisationId, source: { kind: "path", path: notZip }, clock }),
      (error: unknown) =>
        error instanceof AppError && /n'est pas une archive \.zip lisible/.test(error.userMessage),
    );
    const notes = path.join(empty, "notes.txt");
    fs.writeFileSync(notes, "texte");
    await assert.rejects(
      importServicePublic({ db: database.db, organisationId, source: { kind: "path", path: notes }, clock }),
      (error: unknown) =>
        error instanceof AppError && /ni un dossier de fichiers XML ni une archive/.test(error.userMessage),
    );
    const count = await database.db.selectFrom("fiches").select("id").execute();
    assert.equal(count.length, ids.length);
    const runs = await database.db.selectFrom("import_runs").select("id").execute();
    assert.equal(runs.length, 1);
  });
});
