import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig — Asterisk AudioSocket", () => {
  it("is off unless a port is set, and listens on the loopback by default", () => {
    assert.equal("audiosocket" in parseConfig({}).voice, false);
    assert.deepEqual(parseConfig({ VOICE_AUDIOSOCKET_PORT: "9092" }).voice.audiosocket, {
      port: 9092,
      host: "127.0.0.1",
    });
    assert.deepEqual(
      parseConfig({ VOICE_AUDIOSOCKET_PORT: "9092", VOICE_AUDIOSOCKET_HOST: " 10.0.0.5 " }).voice.audiosocket,
      { port: 9092, host: "10.0.0.5" },
    );
  });

  it("refuses a port that is not one", () => {
    assert.throws(
      () => parseConfig({ VOICE_AUDIOSOCKET_PORT: "neuf" }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /VOICE_AUDIOSOCKET_PORT doit être un entier entre 1 et 65535/.test(error.message),
    );
  });
});
