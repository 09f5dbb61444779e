/**
 * "Questions sans réponse": what the assistant could not answer reaches editors grouped by
 * similarity, and one click turns a group into a draft FAQ entry (or dismisses it).
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { FAQ_DRAFT_BODY, postCitizenMessage, startConversation } from "../../../domains/assistant/index.ts";
import type { AgentRole } from "../../../domains/identity/index.ts";

describe("back office: questions the assistant could not answer", () => {
  let t: TestApp;

  async function signIn(roles: AgentRole[]) {
    const agent = await anAgent(t.database.db, { organisationId: t.deps.organisation.id, roles });
    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    return client;
  }

  async function askUnanswerable(question: string) {
    const { id } = await startConversation(t.deps.assistant, {
      organisationId: t.deps.organisation.id,
      channel: "widget",
    });
    const reply = await postCitizenMessage(t.deps.assistant, {
      organisationId: t.deps.organisation.id,
      conversationId: id,
      text: question,
    });
    assert.equal(reply.kind, "unanswered");
  }

  before(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: "http://guichet.test" } });
  });
  beforeEach(async () => {
    await t.database.db.deleteFrom("unanswered_questions").execute();
  });
  after(() => t.close());

  it("groups similar questions, hides contact details, and makes a draft FAQ entry in one click", async () => {
    await askUnanswerable("Quels sont les horaires de la piscine municipale ?");
    await askUnanswerable("horaires piscine municipale le dimanche, je suis jean@example.org");
    await askUnanswerable("Où déposer les encombrants ?");
    const client = await signIn(["editor"]);
    const page = await client.get("/admin/questions-sans-reponse");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /3 questions en 2 groupes/);
    assert.match(page.body, /horaires piscine municipale le dimanche, je suis \[e-mail\]/);
    assert.doesNotMatch(page.body, /jean@example\.org/);
    const pool = await t.database.db
      .selectFrom("unanswered_questions")
      .select("id")
      .where("question", "like", "%piscine%")
      .execute();
    const created = await client.post("/admin/questions-sans-reponse/faq", {
      ids: pool.map((row) => row.id).join(","),
    });
    assert.equal(created.statusCode, 303);
    const item = await t.database.db
      .selectFrom("local_items")
      .select(["id", "kind", "status", "title", "body", "alt_questions"])
      .executeTakeFirstOrThrow();
    assert.equal(created.headers.location, `/admin/faq/${item.id}`);
    assert.deepEqual(
      { kind: item.kind, status: item.status, body: item.body },
      { kind: "faq", status: "draft", body: FAQ_DRAFT_BODY },
    );
    assert.equal(item.title, "horaires piscine municipale le dimanche, je suis [e-mail]");
    assert.deepEqual(item.alt_questions, ["Quels sont les horaires de la piscine municipale ?"]);
    const after = await client.get("/admin/questions-sans-reponse");
    assert.match(after.body, /1 question en 1 groupe/);
    // A second click on the same group (another tab) is refused in French, nothing is created twice.
    const again = await client.post("/admin/questions-sans-reponse/faq", {
      ids: pool.map((row) => row.id).join(","),
    });
    assert.equal(again.headers.location, "/admin/questions-sans-reponse");
    assert.match((await client.get("/admin/questions-sans-reponse")).body, /déjà été traitées/);
    assert.equal((await t.database.db.selectFrom("local_items").select("id").execute()).length, 1);
  });

  it("dismisses a group, and refuses agents without the editor role", async () => {
    await askUnanswerable("Où déposer les encombrants ?");
    const editor = await signIn(["editor"]);
    await editor.get("/admin/questions-sans-reponse");
    const [row] = await t.database.db.selectFrom("unanswered_questions").select("id").execute();
    const dismissed = await editor.post("/admin/questions-sans-reponse/ecarter", { ids: row?.id ?? "" });
    assert.equal(dismissed.statusCode, 303);
    assert.match((await editor.get("/admin/questions-sans-reponse")).body, /Aucune question en attente/);
    const events = await t.database.db
      .selectFrom("events")
      .select("action")
      .where("entity_id", "=", row?.id ?? "")
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["unanswered.dismissed"],
    );

    const agent = await signIn(["agent"]);
    const refused = await agent.get("/admin/questions-sans-reponse");
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Demandez le rôle « éditeur »/);
  });
});
