import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig — voice", () => {
  it("runs keypad-only, without transfer or signatures, when nothing is set", () => {
    assert.deepEqual(parseConfig({}).voice, {
      transferNumber: undefined,
      twilioAuthToken: undefined,
      stt: undefined,
    });
  });

  it("reads the transfer target, the webhook key and the speech-to-text service", () => {
    const voice = parseConfig({
      VOICE_TRANSFER_NUMBER: "sip:accueil@mairie.fr",
      VOICE_TWILIO_AUTH_TOKEN: " secret ",
      VOICE_STT_URL: "http://127.0.0.1:8000/v1/",
      VOICE_STT_MODEL: "whisper-small",
      VOICE_STT_TIMEOUT_MS: "3000",
    }).voice;
    assert.deepEqual(voice, {
      transferNumber: "sip:accueil@mairie.fr",
      twilioAuthToken: "secret",
      stt: {
        baseUrl: "http://127.0.0.1:8000/v1",
        model: "whisper-small",
        apiKey: undefined,
        timeoutMs: 3000,
      },
    });
    assert.equal(parseConfig({ VOICE_TRANSFER_NUMBER: "+33123456789" }).voice.transferNumber, "+33123456789");
  });

  it("refuses a transfer target that is neither a number nor a SIP address, and a service without its model", () => {
    assert.throws(
      () => parseConfig({ VOICE_TRANSFER_NUMBER: "01 23 <script>" }),
      (error: unknown) =>
        error instanceof ConfigError && /VOICE_TRANSFER_NUMBER doit être un numéro/.test(error.message),
    );
    assert.throws(
      () => parseConfig({ VOICE_STT_URL: "http://127.0.0.1:8000/v1" }),
      /VOICE_STT_MODEL est obligatoire/,
    );
    assert.throws(
      () => parseConfig({ VOICE_STT_URL: "http://u:p@127.0.0.1/v1", VOICE_STT_MODEL: "m" }),
      /sans identifiants ni paramètres/,
    );
  });
});
