/**
 * The live feed over real HTTP: an agent's stream receives its own organisation's case activity
 * (through PostgreSQL/PGlite NOTIFY) and never another organisation's.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../test/factories/a-backoffice-client.ts";
import { aCase } from "../../../test/factories/a-case.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { sseReader } from "../../../test/helpers/sse-reader.ts";
import { createTestApp, type TestApp } from "../../../test/helpers/test-app.ts";
import { isAgentAvailable } from "../../domains/assistant/index.ts";
import { addCitizenMessage } from "../../domains/cases/index.ts";
import { ensureOrganisation } from "../../domains/identity/index.ts";

describe("desk live feed (/admin/evenements)", () => {
  let t: TestApp;
  let baseUrl: string;
  let cookie: string;
  let otherOrg: string;

  before(async () => {
    t = await createTestApp();
    const agent = await anAgent(t.database.db, { organisationId: t.deps.organisation.id, roles: ["agent"] });
    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    otherOrg = (await ensureOrganisation(t.database.db, { slug: "voisine", name: "Ville voisine" })).id;
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(() => t.close());

  it("pushes new cases and messages of the organisation, never another organisation's", async () => {
    const response = await fetch(`${baseUrl}/admin/evenements`, { headers: { cookie } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
    const events = sseReader(response.body!);
    assert.equal((await events.next()).event, "pret");

    const theirs = await aCase(t.database.db, { organisationId: otherOrg });
    const ours = await aCase(t.database.db, { organisationId: t.deps.organisation.id });
    const opened = await events.next();
    assert.equal(opened.event, "demande");
    assert.deepEqual(JSON.parse(opened.data), { caseId: ours.caseId, kind: "opened" });

    await addCitizenMessage(t.database.db, {
      organisationId: otherOrg,
      caseId: theirs.caseId,
      body: "Un message chez la voisine",
      clock: t.deps.clock,
    });
    await addCitizenMessage(t.database.db, {
      organisationId: t.deps.organisation.id,
      caseId: ours.caseId,
      body: "Complément d'information",
      clock: t.deps.clock,
    });
    const message = await events.next();
    // Ids only: nothing a citizen wrote, nor their name, goes through the feed.
    assert.deepEqual(JSON.parse(message.data), { caseId: ours.caseId, kind: "message" });
    await events.cancel();
  });

  it("makes the agent available to chats while the feed is open, and away once it closes", async () => {
    const available = () =>
      isAgentAvailable(t.database.db, { organisationId: t.deps.organisation.id, now: new Date() });
    await t.database.db.deleteFrom("agent_presence").execute();
    assert.equal(await available(), false);
    const response = await fetch(`${baseUrl}/admin/evenements`, { headers: { cookie } });
    const events = sseReader(response.body!);
    assert.equal((await events.next()).event, "pret");
    assert.equal(await available(), true);
    await events.cancel();
    for (let i = 0; i < 50 && (await available()); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await available(), false);
  });

  it("refuses a visitor who is not signed in", async () => {
    const response = await fetch(`${baseUrl}/admin/evenements`, { redirect: "manual" });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/admin/connexion");
    await response.body?.cancel();
  });
});
