/**
 * The optional generative mode through the chat API, against a local server that speaks the
 * OpenAI chat-completions protocol: a valid rephrasing is shown, a model that says the passages do
 * not answer leads to "no answer", and a hanging or hostile model falls back to the extractive answer.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { backgroundFicheIds, insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import {
  type OpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from "../../../../test/helpers/openai-compatible-server.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { createTestDatabase } from "../../../../test/helpers/test-db.ts";
import { createAssistantContext } from "../../../domains/assistant/index.ts";
import { createSearchEngine } from "../../../domains/knowledge/search/create-search-engine.ts";
import { systemClock } from "../../../shared/clock.ts";
import { createOpenAiChatClient } from "../../llm/openai-chat-client.ts";

type Reply = { kind: string; text: string; sources: { id: string }[] };

describe("assistant with the generative mode on", () => {
  let t: TestApp;
  let model: OpenAiCompatibleServer;

  async function ask(text: string): Promise<Reply> {
    const started = await t.app.inject({ method: "POST", url: "/api/v1/conversations", payload: {} });
    const { id } = started.json() as { id: string };
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/conversations/${id}/messages`,
      payload: { text },
    });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { reply: Reply }).reply;
  }

  before(async () => {
    model = await startOpenAiCompatibleServer();
    const database = await createTestDatabase();
    const search = createSearchEngine({ db: database.db, clock: systemClock });
    const assistant = createAssistantContext({
      db: database.db,
      clock: systemClock,
      search,
      publicUrl: "http://guichet.test",
      llm: {
        client: createOpenAiChatClient({ baseUrl: model.url, model: "modele-test", apiKey: "cle" }),
        timeoutMs: 300,
      },
    });
    t = await createTestApp({ database, deps: { search, assistant } });
    await insertPackageFiches(database.db, t.deps.organisation.id, [
      "F1367",
      ...backgroundFicheIds(60).filter((id) => id !== "F1367"),
    ]);
  });
  after(async () => {
    await t.close();
    await t.database.close();
    await model.stop();
  });

  it("shows the model's rephrasing when it cites the passages and adds nothing", async () => {
    model.respondWith((request) => {
      const data = request.body.messages?.at(-1)?.content ?? "";
      // Echo a sentence of the first passage, as a faithful model would, with its citation.
      const sentence = /Pour voter, il faut être inscrit sur les listes électorales\./.exec(data)?.[0];
      return { kind: "answer", content: `${sentence ?? "Inscription impossible."} [S1]` };
    });
    const reply = await ask("Comment s'inscrire sur les listes électorales ?");
    assert.equal(reply.kind, "answer");
    assert.equal(reply.sources[0]?.id, "F1367");
    assert.equal(model.requests.at(-1)?.body.model, "modele-test");
    assert.equal(model.requests.at(-1)?.headers.authorization, "Bearer cle");
    assert.doesNotMatch(reply.text, /\[S1\]/);
  });

  it("answers 'no answer' when the model says the passages do not answer", async () => {
    model.respondWith({ kind: "answer", content: "AUCUNE_REPONSE" });
    const reply = await ask("Comment s'inscrire sur les listes électorales ?");
    assert.equal(reply.kind, "unanswered");
  });

  it("falls back to the extractive answer when the model hangs or invents an action", async () => {
    model.respondWith({ kind: "hang" });
    const slow = await ask("Comment s'inscrire sur les listes électorales ?");
    assert.equal(slow.kind, "answer");
    assert.match(slow.text, /^D'après « Listes électorales/);
    model.respondWith({
      kind: "answer",
      content: "J'ai transmis votre inscription à la mairie, c'est fait. [S1]",
    });
    const hostile = await ask("Comment s'inscrire sur les listes électorales ?");
    assert.equal(hostile.kind, "answer");
    assert.match(hostile.text, /^D'après « Listes électorales/);
  });
});
