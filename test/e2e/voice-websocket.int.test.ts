/**
 * The media stream over a real WebSocket, as a telephony provider opens it: the TwiML that connects the
 * call, the signed handshake, spoken prompts coming back as µ-law frames, a transfer decided on the
 * stream and carried out after it closes, and a caller whose line drops without a stop frame.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import WebSocket from "ws";
import { cachedTextToSpeech } from "../../src/adapters/voice/cached-tts.ts";
import { createEspeakTextToSpeech } from "../../src/adapters/voice/espeak-tts.ts";
import { twilioSignature } from "../../src/adapters/voice/twilio-signature.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { insertPackageFiches } from "../factories/a-fiche.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";
import { createProtocolCaller } from "./voice-caller.ts";

const TOKEN = "stream-token-0123456789";
const PUBLIC_URL = "http://guichet.test";
const STREAM_URL = "ws://guichet.test/voice/twilio/stream";
/** Tuesday 10 March 2026, 10:00 in Paris: open. */
const TUESDAY = new Date("2026-03-10T09:00:00Z");

describe("voice media stream over a WebSocket (/voice/twilio/stream)", () => {
  let t: TestApp;
  let port: number;

  function post(path: string, params: Record<string, string>) {
    const url = `/voice/twilio/${path}`;
    return t.app.inject({
      method: "POST",
      url,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilioSignature(TOKEN, `${PUBLIC_URL}${url}`, params),
      },
      payload: new URLSearchParams(params).toString(),
    });
  }

  /** Opens the stream as the provider does; resolves with a caller once the socket is open. */
  async function connect(callSid: string, signature = twilioSignature(TOKEN, STREAM_URL, {})) {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/voice/twilio/stream`, {
      headers: { "x-twilio-signature": signature },
    });
    const caller = createProtocolCaller({ callSid, from: "+33612345678", send: (text) => socket.send(text) });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on("close", (code, reason) => {
        caller.closed(reason.toString());
        resolve({ code, reason: reason.toString() });
      }),
    );
    socket.on("message", (data) => caller.receive(data.toString()));
    await new Promise<void>((resolve) => socket.on("open", () => resolve()));
    return { socket, caller, closed };
  }

  before(async () => {
    t = await createTestApp({
      clock: fixedClock(TUESDAY),
      env: { PUBLIC_URL, VOICE_TWILIO_AUTH_TOKEN: TOKEN, VOICE_TRANSFER_NUMBER: "+33100000000" },
      deps: { voice: { tts: cachedTextToSpeech(createEspeakTextToSpeech()), stt: null } },
    });
    await insertPackageFiches(t.database.db, t.deps.organisation.id, [
      "N358",
      "F1341",
      "F21089",
      "N360",
      "F14929",
    ]);
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(() => t.close());

  it("connects the call to the stream, with the caller's number as a parameter and what to do after it", async () => {
    const response = await post("stream-incoming", { CallSid: `CA${"1".repeat(32)}`, From: "+33612345678" });
    assert.equal(response.statusCode, 200);
    assert.equal(
      response.body,
      '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="ws://guichet.test/voice/twilio/stream"><Parameter name="From" value="+33612345678"/></Stream></Connect><Redirect method="POST">/voice/twilio/after-stream</Redirect></Response>',
    );
  });

  it("refuses a handshake without the provider's signature", async () => {
    const { closed } = await connect(`CA${"2".repeat(32)}`, "forged");
    assert.deepEqual(await closed, { code: 1008, reason: "signature" });
  });

  it("speaks over the socket, and transfers the caller once the stream closes", async () => {
    const callSid = `CA${"3".repeat(32)}`;
    const { caller, closed } = await connect(callSid);
    caller.start();
    const greeting = await caller.nextPrompt();
    assert.ok(greeting.seconds > 10 && greeting.rms > 500, `${greeting.seconds} s, rms ${greeting.rms}`);
    caller.press("0");
    const passing = await caller.nextPrompt();
    assert.ok(passing.seconds > 2 && passing.rms > 500);
    assert.deepEqual(await closed, { code: 1000, reason: "transfer" });
    const next = await post("after-stream", { CallSid: callSid });
    assert.match(
      next.body,
      /<Dial action="\/voice\/twilio\/dial" method="POST" timeout="25"><Number>\+33100000000<\/Number><\/Dial>/,
    );
    // The person does not answer: the call goes on by webhooks, with a call-back offer.
    const offer = await post("dial", { CallSid: callSid, From: "+33612345678", DialCallStatus: "no-answer" });
    assert.match(offer.body, /Aucun agent n&apos;a pu prendre votre appel/);
  });

  it("settles the call when the line drops without a stop frame", async () => {
    const callSid = `CA${"4".repeat(32)}`;
    const { socket, caller, closed } = await connect(callSid);
    caller.start();
    await caller.nextPrompt();
    socket.terminate();
    await closed;
    let call: { outcome: string | null; ended_at: Date | null } | undefined;
    for (let i = 0; i < 50 && !call?.ended_at; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      call = await t.database.db
        .selectFrom("calls")
        .select(["outcome", "ended_at"])
        .where("provider_call_id", "=", callSid)
        .executeTakeFirst();
    }
    assert.equal(call?.outcome, "abandoned");
    assert.ok(call?.ended_at);
    const after = await post("after-stream", { CallSid: callSid });
    assert.match(after.body, /<Response><Hangup\/><\/Response>/);
  });
});
