import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { ensureOrganisation } from "../../domains/identity/index.ts";
import { migrate, readMigrationFiles } from "./migrate.ts";

describe("migrations", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it("are all applied once and re-running applies nothing", async () => {
    const rows = await sql<{
      version: string;
    }>`SELECT version FROM schema_migrations ORDER BY version`.execute(database.db);
    assert.deepEqual(
      rows.rows.map((r) => r.version),
      readMigrationFiles().map((f) => f.version),
    );
    const again = await migrate(database.db, { engine: database.engine });
    assert.deepEqual(again.applied, []);
  });

  it("creates the default organisation once, even when asked twice", async () => {
    const first = await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" });
    const second = await ensureOrganisation(database.db, { slug: "demo", name: "Autre nom" });
    assert.equal(first.id, second.id);
    const events = await database.db
      .selectFrom("events")
      .selectAll()
      .where("entity_id", "=", first.id)
      .execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.action, "created");
  });

  it("rolls back a failed transaction on both engines", async () => {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("organisations")
          .values({ id: "00000000-0000-4000-8000-000000000001", slug: "rollback", name: "X", settings: "{}" })
          .execute();
        throw new Error("boom");
      }),
    );
    const found = await database.db
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", "rollback")
      .execute();
    assert.equal(found.length, 0);
  });
});
