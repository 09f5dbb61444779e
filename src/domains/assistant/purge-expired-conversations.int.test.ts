import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { createAssistantContext } from "./assistant-context.ts";
import { postCitizenMessage } from "./post-citizen-message.ts";
import { purgeExpiredConversations } from "./purge-expired-conversations.ts";
import { startConversation } from "./start-conversation.ts";

describe("retention of the assistant's transcripts", () => {
  let database: TestDatabase;
  let organisationId: string;
  let otherId: string;

  before(async () => {
    database = await createTestDatabase();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Démo" })).id;
    otherId = (await ensureOrganisation(database.db, { slug: "voisine", name: "Voisine" })).id;
  });
  after(() => database.close());

  async function conversationAt(org: string, at: string, text: string) {
    const clock = fixedClock(new Date(at));
    const search = { search: async () => [] };
    const context = createAssistantContext({
      db: database.db,
      clock,
      search,
      publicUrl: "http://guichet.test",
    });
    const { id } = await startConversation(context, { organisationId: org, channel: "widget" });
    await postCitizenMessage(context, { organisationId: org, conversationId: id, text });
    return id;
  }

  it("deletes conversations quiet for longer than the retention, with their messages and kept questions", async () => {
    const old = await conversationAt(
      organisationId,
      "2026-01-10T10:00:00Z",
      "Quelle est la couleur du ciel de Mars ?",
    );
    const recent = await conversationAt(
      organisationId,
      "2026-03-25T10:00:00Z",
      "Quelle est la couleur du ciel de Vénus ?",
    );
    const neighbour = await conversationAt(otherId, "2026-01-10T10:00:00Z", "bonjour");
    const counts = await purgeExpiredConversations(database.db, {
      organisationId,
      retentionDays: 30,
      clock: fixedClock(new Date("2026-04-01T00:00:00Z")),
    });
    assert.deepEqual(counts, { conversations: 1, messages: 2, questions: 1 });
    const left = await database.db.selectFrom("conversations").select("id").orderBy("id").execute();
    assert.deepEqual(left.map((row) => row.id).sort(), [recent, neighbour].sort());
    assert.equal(
      (
        await database.db
          .selectFrom("conversation_messages")
          .select("id")
          .where("conversation_id", "=", old)
          .execute()
      ).length,
      0,
    );
    const questions = await database.db.selectFrom("unanswered_questions").select("question").execute();
    assert.deepEqual(
      questions.map((q) => q.question),
      ["Quelle est la couleur du ciel de Vénus ?"],
    );
    const event = await database.db
      .selectFrom("events")
      .select(["action", "data"])
      .where("action", "=", "conversations.purged")
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.data, { conversations: 1, messages: 2, questions: 1, retentionDays: 30 });
  });
});
