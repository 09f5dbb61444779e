import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  type OpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from "../../../test/helpers/openai-compatible-server.ts";
import type { ChatCompletionRequest } from "../../domains/assistant/llm.port.ts";
import { createOpenAiChatClient } from "./openai-chat-client.ts";

const SECRET_QUESTION = "Comment refaire mon passeport volé à Trifouillis ?";
const request = (overrides: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  messages: [
    { role: "system", content: "Réponds à partir des passages." },
    { role: "user", content: SECRET_QUESTION },
  ],
  maxTokens: 320,
  temperature: 0,
  timeoutMs: 2000,
  ...overrides,
});

describe("OpenAI-compatible chat client against a local server speaking the same API", () => {
  let server: OpenAiCompatibleServer;
  const client = (extra: { apiKey?: string; maxResponseBytes?: number; baseUrl?: string } = {}) =>
    createOpenAiChatClient({ baseUrl: server.url, model: "albert-large", apiKey: "cle-de-test", ...extra });

  before(async () => {
    server = await startOpenAiCompatibleServer({ apiKey: "cle-de-test" });
  });
  beforeEach(() => {
    server.requests.length = 0;
  });
  after(() => server.stop());

  it("posts the OpenAI wire format with the key and returns the assistant message", async () => {
    server.respondWith({ kind: "answer", content: "Le passeport se demande en mairie [S1]." });
    const result = await client().complete(request());
    assert.deepEqual(result, { ok: true, content: "Le passeport se demande en mairie [S1]." });
    assert.equal(server.requests.length, 1);
    const sent = server.requests[0]!;
    assert.equal(sent.path, "/v1/chat/completions");
    assert.equal(sent.headers.authorization, "Bearer cle-de-test");
    assert.equal(sent.headers["content-type"], "application/json");
    assert.deepEqual(sent.body, {
      model: "albert-large",
      messages: request().messages,
      max_tokens: 320,
      temperature: 0,
      stream: false,
    });
    assert.equal(client().model, "albert-large");
  });

  it("sends no Authorization header without a key, and accepts a base URL without /v1", async () => {
    const open = await startOpenAiCompatibleServer({ script: { kind: "answer", content: "Bonjour [S1]." } });
    try {
      const noKey = createOpenAiChatClient({ baseUrl: `http://127.0.0.1:${open.port}/`, model: "llama3" });
      assert.deepEqual(await noKey.complete(request()), { ok: true, content: "Bonjour [S1]." });
      assert.equal(open.requests[0]!.path, "/chat/completions");
      assert.equal(open.requests[0]!.headers.authorization, undefined);
    } finally {
      await open.stop();
    }
  });

  it("returns http_error with the status for a wrong key (401) and a server error (500)", async () => {
    server.respondWith({ kind: "answer", content: "jamais lu" });
    const refused = await client({ apiKey: "mauvaise-cle" }).complete(request());
    assert.deepEqual(refused, { ok: false, reason: "http_error", detail: "status 401" });
    server.respondWith({ kind: "status", status: 500 });
    assert.deepEqual(await client().complete(request()), {
      ok: false,
      reason: "http_error",
      detail: "status 500",
    });
  });

  it("gives up with a timeout when the model does not answer in time", async () => {
    server.respondWith({ kind: "hang" });
    const result = await client().complete(request({ timeoutMs: 150 }));
    assert.deepEqual(result, { ok: false, reason: "timeout", detail: "after 150 ms" });
  });

  it("refuses malformed JSON, an unexpected shape, a truncated reply and an oversized body", async () => {
    server.respondWith({ kind: "raw", body: '{"choices": [{"message": {"content": "coupé' });
    assert.deepEqual(await client().complete(request()), {
      ok: false,
      reason: "invalid_response",
      detail: "not_json",
    });
    for (const body of [
      '{"choices": []}',
      '{"choices": [{"message": {"content": null, "tool_calls": []}}]}',
      '{"error": "nope"}',
      '"texte"',
    ]) {
      server.respondWith({ kind: "raw", body });
      const result = await client().complete(request());
      assert.deepEqual(result, { ok: false, reason: "invalid_response", detail: "unexpected_shape" }, body);
    }
    server.respondWith({ kind: "answer", content: "Le passeport se demande", finishReason: "length" });
    assert.deepEqual(await client().complete(request()), {
      ok: false,
      reason: "invalid_response",
      detail: "truncated",
    });
    server.respondWith({ kind: "answer", content: "x".repeat(5000) });
    assert.deepEqual(await client({ maxResponseBytes: 1024 }).complete(request()), {
      ok: false,
      reason: "invalid_response",
      detail: "too_large",
    });
  });

  it("reports unavailable when the server drops the connection or refuses it", async () => {
    server.respondWith({ kind: "close" });
    const dropped = await client().complete(request());
    assert.equal(dropped.ok, false);
    assert.equal(!dropped.ok && dropped.reason, "unavailable");

    const gone = await startOpenAiCompatibleServer();
    const goneUrl = gone.url;
    await gone.stop();
    const refused = await createOpenAiChatClient({ baseUrl: goneUrl, model: "m" }).complete(request());
    assert.deepEqual(refused, { ok: false, reason: "unavailable", detail: "ECONNREFUSED" });
  });

  it("never puts the prompt or the reply in the failure detail", async () => {
    for (const script of [
      { kind: "status", status: 503 },
      { kind: "raw", body: `{"choices": "${SECRET_QUESTION}"}` },
      { kind: "close" },
    ] as const) {
      server.respondWith(script);
      const result = await client().complete(request());
      assert.equal(result.ok, false);
      assert.doesNotMatch(JSON.stringify(result), /passeport|Trifouillis/);
    }
  });
});
