import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { demoSeedOptions } from "../../test/helpers/demo-seed-options.ts";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/test-db.ts";
import { listInbox } from "../domains/cases/index.ts";
import { authenticateAgent } from "../domains/identity/index.ts";
import { systemClock } from "../shared/clock.ts";
import { DEMO_AGENT, seedDemoCases } from "./seed-cases.ts";

describe("demo desk seed", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it("fills the inbox with varied cases once, and the demo agent can sign in", async () => {
    const options = await demoSeedOptions(database.db);
    const { organisationId } = options;
    const first = await seedDemoCases(options);
    assert.ok(first.created >= 10);
    assert.deepEqual(await seedDemoCases(options), { created: 0 });

    const agent = await authenticateAgent(database.db, {
      organisationId,
      email: DEMO_AGENT.email,
      password: DEMO_AGENT.password,
      address: "127.0.0.1",
      clock: systemClock,
    });
    const inbox = await listInbox(database.db, { organisationId, agentId: agent.id, limit: 100 });
    assert.equal(inbox.items.length, first.created);
    assert.ok(new Set(inbox.items.map((c) => c.channel)).size >= 5, "several channels");
    assert.ok(new Set(inbox.items.map((c) => c.status)).size >= 3, "several statuses");
    assert.ok(inbox.items.some((c) => c.assignee?.id === agent.id));
    const commitments = await database.db.selectFrom("service_commitments").select("label").execute();
    assert.deepEqual(commitments.map((c) => c.label).sort(), [
      "85 % des appels décrochés quand l'usager demande un agent",
      "Acte de naissance : réponse sous 3 jours ouvrés",
      "Première réponse sous 48 h ouvrées",
      "Réponse aux courriels sous 5 jours ouvrés",
    ]);
    assert.ok(
      inbox.items.every((c) => c.dueAt !== null),
      "every demo case has its deadline",
    );
    const templates = await database.db.selectFrom("answer_templates").select("title").execute();
    assert.ok(templates.length >= 2);
  });
});
