import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig — voice", () => {
  it("runs keypad-only, without transfer or signatures, when nothing is set", () => {
    assert.deepEqual(parseConfig({}).voice, {
      transferNumber: undefined,
      twilioAuthToken: undefined,
      stt: undefined,
      recordings: false,
      browserSpeech: false,
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
      recordings: false,
      browserSpeech: false,
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

  it("records nothing unless VOICE_RECORDINGS=on, and keeps references 30 days (at most a year)", () => {
    assert.equal(parseConfig({ VOICE_RECORDINGS: "on" }).voice.recordings, true);
    assert.equal(parseConfig({ VOICE_RECORDINGS: "off" }).voice.recordings, false);
    assert.equal(parseConfig({}).retention.recordingsDays, 30);
    assert.equal(parseConfig({ RETENTION_RECORDINGS_DAYS: "365" }).retention.recordingsDays, 365);
    assert.throws(
      () => parseConfig({ RETENTION_RECORDINGS_DAYS: "366" }),
      /RETENTION_RECORDINGS_DAYS doit être un entier entre 1 et 365/,
    );
    assert.throws(() => parseConfig({ VOICE_RECORDINGS: "peut-être" }), /VOICE_RECORDINGS doit valoir/);
  });

  it("lets the web assistant use the browser's own speech engines only when VOICE_BROWSER_SPEECH=on", () => {
    assert.equal(parseConfig({}).voice.browserSpeech, false);
    assert.equal(parseConfig({ VOICE_BROWSER_SPEECH: "on" }).voice.browserSpeech, true);
    assert.throws(() => parseConfig({ VOICE_BROWSER_SPEECH: "parfois" }), /VOICE_BROWSER_SPEECH doit valoir/);
  });
});

describe("parseConfig — SMS", () => {
  it("sends no SMS unless SMS_API_URL is set", () => {
    assert.equal(parseConfig({}).sms, undefined);
  });

  it("reads the gateway, its key, the sender name and the timeout", () => {
    assert.deepEqual(
      parseConfig({
        SMS_API_URL: "https://sms.example.fr/api/send/",
        SMS_API_KEY: " cle ",
        SMS_SENDER: "MAIRIE",
        SMS_TIMEOUT_MS: "2000",
      }).sms,
      { apiUrl: "https://sms.example.fr/api/send", apiKey: "cle", sender: "MAIRIE", timeoutMs: 2000 },
    );
  });

  it("refuses credentials in the URL and a sender name a phone cannot show", () => {
    assert.throws(
      () => parseConfig({ SMS_API_URL: "https://u:p@sms.example.fr/send" }),
      /SMS_API_URL ne doit pas contenir d'identifiants/,
    );
    assert.throws(
      () => parseConfig({ SMS_API_URL: "https://sms.example.fr/send", SMS_SENDER: "Mairie de Démo" }),
      /SMS_SENDER doit faire 3 à 11 lettres ou chiffres/,
    );
    assert.throws(() => parseConfig({ SMS_API_URL: "ftp://sms.example.fr" }), /SMS_API_URL doit commencer/);
  });
});
