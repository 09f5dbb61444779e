/** "Votre avis sur cet échange": the end-of-chat questionnaire through the chat API. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { ensureStandardQuestionnaires } from "../../../domains/feedback/index.ts";

describe("rating a chat conversation (/api/v1/conversations/:id/avis)", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await ensureStandardQuestionnaires(t.database.db, {
      organisationId: t.deps.organisation.id,
      clock: t.deps.clock,
    });
  });
  after(() => t.close());

  const start = async () =>
    (
      (await t.app.inject({ method: "POST", url: "/api/v1/conversations", payload: {} })).json() as {
        id: string;
      }
    ).id;
  const rate = (id: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: `/api/v1/conversations/${id}/avis`, payload });

  it("stores one satisfaction answer per conversation, tagged chat, with the comment scrubbed", async () => {
    const id = await start();
    const first = await rate(id, { note: 4, commentaire: "Rapide. Écrivez-moi à lea@example.org" });
    assert.equal(first.statusCode, 201);
    assert.deepEqual(first.json(), { message: "Merci pour votre avis." });
    const again = await rate(id, { note: 1 });
    assert.equal(again.statusCode, 200);
    assert.match((again.json() as { message: string }).message, /déjà donné votre avis/);
    const rows = await t.database.db
      .selectFrom("feedback_answers")
      .select(["channel", "conversation_id", "csat", "verbatim", "kind"])
      .where("conversation_id", "=", id)
      .execute();
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { channel: rows[0]?.channel, kind: rows[0]?.kind, csat: rows[0]?.csat },
      { channel: "chat", kind: "csat", csat: 4 },
    );
    assert.doesNotMatch(rows[0]?.verbatim ?? "", /lea@example\.org/);
  });

  it("refuses an out-of-range note in French and an unknown conversation", async () => {
    const refused = await rate(await start(), { note: 7 });
    assert.equal(refused.statusCode, 400);
    assert.match((refused.json() as { error: { message: string } }).error.message, /1.*5/);
    const unknown = await rate("AAAAAAAAAAAAAAAAAAAAAAAA", { note: 3 });
    assert.equal(unknown.statusCode, 404);
  });
});
