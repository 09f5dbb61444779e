import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("defaults to PGlite in ./data on port 3000 with the neutral theme", () => {
    const config = parseConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.dataDir, /data$/);
    assert.equal(config.theme.name, "neutre");
    assert.equal(config.organisation.slug, "demo");
  });

  it("reads PostgreSQL and port settings", () => {
    const config = parseConfig({ DATABASE_URL: "postgres://u@db:5432/guichet", PORT: "8080", THEME: "etat" });
    assert.equal(config.databaseUrl, "postgres://u@db:5432/guichet");
    assert.equal(config.port, 8080);
    assert.equal(config.theme.name, "etat");
  });

  it("trusts X-Forwarded-For only when told which proxies to trust", () => {
    assert.equal(parseConfig({}).trustProxy, false);
    assert.equal(parseConfig({ TRUST_PROXY: "1" }).trustProxy, 1);
    assert.deepEqual(parseConfig({ TRUST_PROXY: "10.0.0.1, 10.0.0.2" }).trustProxy, ["10.0.0.1", "10.0.0.2"]);
    assert.throws(() => parseConfig({ TRUST_PROXY: "n'importe quoi" }), /TRUST_PROXY/);
  });

  it("fails fast with a French message naming the variable", () => {
    assert.throws(
      () => parseConfig({ PORT: "abc" }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
    );
    assert.throws(() => parseConfig({ DATABASE_URL: "mysql://x" }), /DATABASE_URL doit commencer/);
    assert.throws(() => parseConfig({ THEME_PRIMARY_COLOR: "blue" }), /THEME_PRIMARY_COLOR/);
    assert.throws(() => parseConfig({ SESSION_SECRET: "short" }), /SESSION_SECRET/);
  });
});
