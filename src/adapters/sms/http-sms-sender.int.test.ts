/** The generic HTTP SMS adapter against a local gateway on real HTTP: the request, and every failure typed. */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { type SmsGateway, startSmsGateway } from "../../../test/helpers/sms-gateway.ts";
import type { SmsFailure } from "../../domains/channels/voice/index.ts";
import { createHttpSmsSender } from "./http-sms-sender.ts";

describe("HTTP SMS gateway", () => {
  let gateway: SmsGateway;
  const failures: { reason: SmsFailure; status?: number }[] = [];
  const sender = () =>
    createHttpSmsSender({
      apiUrl: gateway.url,
      apiKey: "cle-secrete",
      sender: "MAIRIE",
      timeoutMs: 300,
      onFailure: (failure) => failures.push(failure),
    });

  before(async () => {
    gateway = await startSmsGateway();
  });
  beforeEach(() => {
    gateway.received.length = 0;
    failures.length = 0;
    gateway.behave({ kind: "accept" });
  });
  after(() => gateway.close());

  it("posts the number and the text as JSON with the bearer token and the sender name", async () => {
    const result = await sender().send({
      to: "+33612345678",
      text: "Passeport\nhttps://guichet.test/fiches/F1",
    });
    assert.deepEqual(result, { ok: true });
    assert.equal(gateway.received.length, 1);
    const [sms] = gateway.received;
    assert.equal(sms?.method, "POST");
    assert.equal(sms?.path, "/sms/send");
    assert.equal(sms?.authorization, "Bearer cle-secrete");
    assert.match(sms?.contentType ?? "", /^application\/json/);
    assert.deepEqual(sms?.body, {
      to: "+33612345678",
      text: "Passeport\nhttps://guichet.test/fiches/F1",
      from: "MAIRIE",
    });
    assert.deepEqual(failures, []);
  });

  it("sends no authorization header nor sender name when none is configured", async () => {
    const bare = createHttpSmsSender({ apiUrl: gateway.url });
    assert.deepEqual(await bare.send({ to: "+33712345678", text: "x" }), { ok: true });
    assert.equal(gateway.received[0]?.authorization, undefined);
    assert.deepEqual(gateway.received[0]?.body, { to: "+33712345678", text: "x" });
  });

  it("types the gateway's refusals: credentials, the message, its own failure", async () => {
    const cases: [number, SmsFailure][] = [
      [401, "unauthorized"],
      [403, "unauthorized"],
      [400, "rejected"],
      [429, "rejected"],
      [500, "provider_error"],
      [503, "provider_error"],
    ];
    for (const [status, failure] of cases) {
      gateway.behave({ kind: "status", status });
      assert.deepEqual(await sender().send({ to: "+33612345678", text: "x" }), { ok: false, failure });
    }
    assert.deepEqual(
      failures.map((f) => f.status),
      cases.map(([status]) => status),
    );
  });

  it("gives up after its timeout, and reports an unreachable gateway", async () => {
    gateway.behave({ kind: "hang" });
    const began = performance.now();
    assert.deepEqual(await sender().send({ to: "+33612345678", text: "x" }), {
      ok: false,
      failure: "timeout",
    });
    assert.ok(performance.now() - began < 2_000, "bounded by the timeout");
    const closed = createHttpSmsSender({ apiUrl: "http://127.0.0.1:9/sms", timeoutMs: 1_000 });
    assert.deepEqual(await closed.send({ to: "+33612345678", text: "x" }), {
      ok: false,
      failure: "unreachable",
    });
    assert.deepEqual(
      failures.map((f) => f.reason),
      ["timeout"],
      "the failure is reported, without the number or the text",
    );
  });
});
