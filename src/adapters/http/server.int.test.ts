import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/helpers/test-app.ts";

describe("HTTP server basics", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it("answers /health with ok once ready, 503 before", async () => {
    const ok = await t.app.inject({ url: "/health" });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { status: "ok" });
    t.deps.readiness.set("importing");
    const starting = await t.app.inject({ url: "/health" });
    assert.equal(starting.statusCode, 503);
    assert.equal(starting.json().phase, "importing");
    t.deps.readiness.set("ready");
  });

  it("returns a French 404 page for an unknown page and JSON for an unknown API route", async () => {
    const page = await t.app.inject({ url: "/nulle-part" });
    assert.equal(page.statusCode, 404);
    assert.match(page.headers["content-type"] as string, /text\/html/);
    assert.match(page.body, /Page introuvable/);
    assert.match(page.body, /<html lang="fr">/);
    const api = await t.app.inject({ url: "/api/v1/nulle-part" });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, "NOT_FOUND");
    assert.equal(api.json().error.message, "La page ou l'élément demandé est introuvable.");
  });

  it("echoes a sane request id and replaces an unsafe one", async () => {
    const kept = await t.app.inject({ url: "/health", headers: { "x-request-id": "abc-123-def" } });
    assert.equal(kept.headers["x-request-id"], "abc-123-def");
    const replaced = await t.app.inject({ url: "/health", headers: { "x-request-id": "<script>" } });
    assert.notEqual(replaced.headers["x-request-id"], "<script>");
  });

  it("serves the stylesheet and the configured theme colours", async () => {
    const css = await t.app.inject({ url: "/assets/theme.css" });
    assert.equal(css.statusCode, 200);
    assert.match(css.body, /--primary:#1d4f91/);
  });
});

describe("optional state theme", () => {
  it("is never installed by default, and THEME=etat says how to install it", async () => {
    const { findDsfrDist } = await import("./routes/assets.routes.ts");
    assert.equal(findDsfrDist(), undefined, "@gouvfr/dsfr must not be a dependency of Guichet");
    await assert.rejects(createTestApp({ env: { THEME: "etat" } }), /npm install @gouvfr\/dsfr/);
  });
});
