import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import {
  copyPackageSubset,
  makeTempDir,
  sampleIds,
  writeXmlCopy,
  zipFolder,
} from "../../../../test/fixtures/import/import-fixtures.ts";
import { treeToXml } from "../../../../test/fixtures/import/tree-to-xml.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { findPublication } from "../fiche-model/parse-fiche.ts";
import { importServicePublic } from "./import-service-public.ts";
import type { ImportSource } from "./sources/open-source.ts";

let database: TestDatabase;
let workDir: string;
let packageDir: string;
let xmlDir: string;
let ids: string[];
const clock = fixedClock(new Date("2025-03-01T09:00:00Z"));

async function importInto(slug: string, source: ImportSource) {
  const organisation = await ensureOrganisation(database.db, { slug, name: slug });
  const report = await importServicePublic({
    db: database.db,
    organisationId: organisation.id,
    source,
    clock,
  });
  const rows = await database.db
    .selectFrom("fiches")
    .select(["id", "content_hash", "audiences", "title", "search_text", "kind", "parent_id", "modified_at"])
    .where("organisation_id", "=", organisation.id)
    .orderBy("id")
    .execute();
  return { report, rows };
}

before(async () => {
  database = await createTestDatabase();
  workDir = makeTempDir();
  packageDir = path.join(workDir, "package");
  xmlDir = path.join(workDir, "xml");
  ids = sampleIds({ step: 60 });
  copyPackageSubset(packageDir, ids);
  writeXmlCopy(packageDir, xmlDir);
  // Files an official export carries besides publications, and one damaged fiche.
  fs.writeFileSync(
    path.join(xmlDir, "arborescence.xml"),
    '<?xml version="1.0"?><Arborescence><Item ID="N1"/></Arborescence>',
  );
  fs.writeFileSync(path.join(xmlDir, "Publication.xsd"), "<xs:schema/>");
  fs.writeFileSync(
    path.join(xmlDir, "particuliers", "F999998.xml"),
    '<Publication ID="F999998"><dc:title>Sans fin',
  );
});

after(async () => {
  await database.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

beforeEach(() => database.truncate());

describe("importServicePublic from the service-public.fr XML export", () => {
  test("a folder of XML files gives the same rows and hashes as the package", async () => {
    const fromPackage = await importInto("paquet", { kind: "package", dataDir: packageDir });
    const fromXml = await importInto("xml", { kind: "path", path: xmlDir });

    assert.equal(fromXml.report.added, ids.length);
    assert.deepEqual(fromXml.rows, fromPackage.rows);
    assert.ok(fromXml.rows.some((row) => row.audiences.length > 1));
    assert.equal(fromXml.report.ignored, 2, "arborescence.xml and the schema are skipped quietly");
    assert.deepEqual(
      fromXml.report.rejected.map((r) => r.file),
      ["particuliers/F999998.xml"],
    );
    assert.match(fromXml.report.rejected[0]?.reason ?? "", /^XML mal formé \(ligne 1\)/);
  });

  test("a zip of the same files gives the same rows, and re-importing it changes nothing", async () => {
    const zipPath = path.join(workDir, "export.zip");
    await zipFolder(xmlDir, zipPath);
    const fromPackage = await importInto("paquet", { kind: "package", dataDir: packageDir });
    const fromZip = await importInto("zip", { kind: "path", path: zipPath });

    assert.deepEqual(fromZip.rows, fromPackage.rows);
    assert.equal(fromZip.report.source, path.resolve(zipPath));
    assert.equal(fromZip.report.ignored, 2);
    assert.deepEqual(
      fromZip.report.rejected.map((r) => r.file),
      ["particuliers/F999998.xml"],
    );

    const again = await importInto("zip", { kind: "path", path: zipPath });
    assert.deepEqual([again.report.added, again.report.updated, again.report.unchanged], [0, 0, ids.length]);
  });

  test("in a flat folder, the audience comes from the <Audience> element", async () => {
    const flat = path.join(workDir, "flat");
    fs.mkdirSync(flat, { recursive: true });
    const name = fs.readdirSync(path.join(packageDir, "associations")).find((file) => file.startsWith("F"));
    assert.ok(name);
    const tree = JSON.parse(fs.readFileSync(path.join(packageDir, "associations", name), "utf8"));
    const publication = findPublication(tree);
    assert.ok(publication);
    const audienceNode = publication.children?.find((child) => child.name === "Audience");
    assert.ok(audienceNode);
    audienceNode.children = [{ type: "text", text: "Associations" }];
    fs.writeFileSync(path.join(flat, name.replace(".json", ".xml")), treeToXml(publication));

    const { rows } = await importInto("plat", { kind: "path", path: flat });
    assert.deepEqual(
      rows.map((row) => row.audiences),
      [["associations"]],
    );
  });
});
