import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aCase } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { changeCaseStatus } from "./change-case-status.ts";
import { closeResolvedCases } from "./close-resolved-cases.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("closing resolved cases after a while", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it("closes cases resolved longer ago than the delay, with a system event, and leaves the others", async () => {
    const organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Démo" })).id;
    const agent = await anAgent(database.db, { organisationId, roles: ["agent"] });
    const clock = fixedClock(new Date("2026-03-02T09:00:00Z"));
    const resolve = async () => {
      const opened = await aCase(database.db, { organisationId, clock });
      await changeCaseStatus(database.db, {
        organisationId,
        caseId: opened.caseId,
        actor: { agentId: agent.id },
        status: "resolu",
        clock,
      });
      return opened.caseId;
    };
    const old = await resolve();
    const open = (await aCase(database.db, { organisationId, clock })).caseId;
    clock.advance(10 * DAY);
    const recent = await resolve();
    clock.advance(5 * DAY);

    assert.deepEqual(await closeResolvedCases(database.db, { organisationId, afterDays: 14, clock }), {
      closed: 1,
    });
    const statuses = Object.fromEntries(
      (await database.db.selectFrom("cases").select(["id", "status"]).execute()).map((row) => [
        row.id,
        row.status,
      ]),
    );
    assert.deepEqual([statuses[old], statuses[open], statuses[recent]], ["clos", "nouveau", "resolu"]);
    const event = await database.db
      .selectFrom("events")
      .select(["actor_id", "data"])
      .where("entity_id", "=", old)
      .where("action", "=", "status_changed")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.deepEqual(event, {
      actor_id: null,
      data: { from: "resolu", to: "clos", cause: "system_auto_close" },
    });
    assert.deepEqual(await closeResolvedCases(database.db, { organisationId, afterDays: 14, clock }), {
      closed: 0,
    });
  });
});
