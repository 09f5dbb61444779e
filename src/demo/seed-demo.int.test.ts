import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { demoSeedOptions } from "../../test/helpers/demo-seed-options.ts";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/test-db.ts";
import { authenticateAgent } from "../domains/identity/index.ts";
import { systemClock } from "../shared/clock.ts";
import { DEMO_EDITOR, DEMO_ITEMS } from "./demo-content.ts";
import { seedDemo } from "./seed-demo.ts";

describe("demo seed", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it("creates published demo content and an editor once, then does nothing", async () => {
    const options = await demoSeedOptions(database.db);
    const { organisationId } = options;
    assert.deepEqual(await seedDemo(options), { created: true });
    assert.deepEqual(await seedDemo(options), { created: false });

    const items = await database.db
      .selectFrom("local_items")
      .select(["kind", "status", "published_at"])
      .execute();
    assert.equal(items.length, DEMO_ITEMS.length);
    assert.ok(items.every((item) => item.status === "published" && item.published_at !== null));
    const counts = Object.fromEntries(
      ["faq", "procedure", "news"].map((k) => [k, items.filter((i) => i.kind === k).length]),
    );
    assert.ok(counts.faq! >= 3 && counts.faq! <= 5);
    assert.equal(counts.procedure, 2);
    assert.equal(counts.news, 2);

    const editor = await authenticateAgent(database.db, {
      organisationId,
      email: DEMO_EDITOR.email,
      password: DEMO_EDITOR.password,
      address: "127.0.0.1",
      clock: systemClock,
    });
    assert.deepEqual(editor.roles, ["editor"]);
  });
});
