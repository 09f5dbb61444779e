import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { EXE_BYTES, PDF_BYTES } from "../../../../test/helpers/multipart-body.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import {
  API_KEY_INVALID_MESSAGE,
  API_KEY_REQUIRED_MESSAGE,
  createApiKey,
  revokeApiKey,
} from "../../../domains/identity/api-keys/index.ts";
import { ensureOrganisation } from "../../../domains/identity/index.ts";

let t: TestApp;
let key: string;
let keyId: string;
let otherKey: string;

const NEW_CASE = {
  subject: "Demande de place en crèche",
  message: "Bonjour, je souhaite inscrire ma fille à la crèche municipale.",
  contact: { name: "Alex Petit", email: "alex.petit@exemple.fr" },
};

function api(
  method: "GET" | "POST",
  url: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return t.app.inject({
    method,
    url,
    headers: { ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...options.headers },
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
}

describe("cases API", () => {
  before(async () => {
    t = await createTestApp();
    ({ key, id: keyId } = await createApiKey(t.database.db, {
      organisationId: t.deps.organisation.id,
      name: "Portail famille",
      clock: t.deps.clock,
    }));
    const other = await ensureOrganisation(t.database.db, { slug: "autre-ville", name: "Autre Ville" });
    ({ key: otherKey } = await createApiKey(t.database.db, {
      organisationId: other.id,
      name: "Autre",
      clock: t.deps.clock,
    }));
  });
  after(async () => t?.close());

  it("requires a key, in French JSON", async () => {
    const res = await api("POST", "/api/v1/cases", { body: NEW_CASE });
    assert.equal(res.statusCode, 401);
    assert.match(res.headers["www-authenticate"] as string, /^Bearer/);
    assert.deepEqual(
      { ...res.json().error, requestId: "x" },
      { code: "UNAUTHENTICATED", message: API_KEY_REQUIRED_MESSAGE, requestId: "x" },
    );
  });

  it("refuses an unknown or malformed key", async () => {
    for (const bad of [`gk_${"A".repeat(43)}`, "n-importe-quoi"]) {
      const res = await api("GET", "/api/v1/cases/GU-2026-000001", { key: bad });
      assert.equal(res.statusCode, 401, bad);
      assert.equal(res.json().error.code, "UNAUTHENTICATED");
      assert.equal(res.json().error.message, API_KEY_INVALID_MESSAGE);
    }
  });

  it("opens a case with a checked document and gives the tracking link once", async () => {
    const res = await api("POST", "/api/v1/cases", {
      key,
      body: {
        ...NEW_CASE,
        attachments: [{ filename: "livret.pdf", contentBase64: PDF_BYTES.toString("base64") }],
      },
    });
    assert.equal(res.statusCode, 201);
    const body = res.json();
    assert.match(body.reference, /^GU-\d{4}-\d{6}$/);
    assert.equal(body.created, true);
    assert.match(body.trackingUrl, /\/suivi\/[A-Za-z0-9_-]{32}$/);
    const row = await t.database.db
      .selectFrom("cases")
      .select(["channel", "organisation_id"])
      .where("reference", "=", body.reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { channel: "api", organisation_id: t.deps.organisation.id });
    const used = await t.database.db
      .selectFrom("api_keys")
      .select("last_used_at")
      .where("id", "=", keyId)
      .executeTakeFirstOrThrow();
    assert.ok(used.last_used_at instanceof Date);
  });

  it("opens one case for two calls with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "portail-42" };
    const first = await api("POST", "/api/v1/cases", { key, body: NEW_CASE, headers });
    const second = await api("POST", "/api/v1/cases", { key, body: NEW_CASE, headers });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 200);
    assert.equal(second.json().reference, first.json().reference);
    assert.equal(second.json().created, false);
    assert.equal(second.json().trackingUrl, undefined);
  });

  it("refuses invalid input with French messages", async () => {
    const schema = await api("POST", "/api/v1/cases", { key, body: { message: "sans objet", contact: {} } });
    assert.equal(schema.statusCode, 400);
    assert.equal(schema.json().error.code, "BAD_REQUEST");
    assert.match(schema.json().error.message, /Certaines informations envoyées ne sont pas valides/);
    const noContact = await api("POST", "/api/v1/cases", {
      key,
      body: { ...NEW_CASE, contact: { name: "Anonyme" } },
    });
    assert.equal(noContact.statusCode, 400);
    assert.match(
      noContact.json().error.message,
      /Indiquez une adresse électronique ou un numéro de téléphone/,
    );
    assert.equal(noContact.json().error.field, "contact");
    const exe = await api("POST", "/api/v1/cases", {
      key,
      body: {
        ...NEW_CASE,
        attachments: [{ filename: "a.pdf", contentBase64: EXE_BYTES.toString("base64") }],
      },
    });
    assert.equal(exe.statusCode, 400);
    assert.match(exe.json().error.message, /« a.pdf » n'est pas accepté/);
  });

  it("reads a case of the key's organisation only", async () => {
    const created = (await api("POST", "/api/v1/cases", { key, body: NEW_CASE })).json();
    const own = await api("GET", `/api/v1/cases/${created.reference}`, { key });
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().status, "nouveau");
    assert.equal(own.json().statusLabel.length > 0, true);
    assert.equal(own.json().contact, undefined, "no personal data in the summary");
    const foreign = await api("GET", `/api/v1/cases/${created.reference}`, { key: otherKey });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error.message, "Aucune demande de votre commune ne porte cette référence.");
  });

  it("refuses a revoked key", async () => {
    const spare = await createApiKey(t.database.db, {
      organisationId: t.deps.organisation.id,
      name: "Ancien outil",
      clock: t.deps.clock,
    });
    assert.equal((await api("POST", "/api/v1/cases", { key: spare.key, body: NEW_CASE })).statusCode, 201);
    await revokeApiKey(t.database.db, {
      organisationId: t.deps.organisation.id,
      apiKeyId: spare.id,
      clock: t.deps.clock,
    });
    const res = await api("POST", "/api/v1/cases", { key: spare.key, body: NEW_CASE });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.message, API_KEY_INVALID_MESSAGE);
  });

  it("publishes the OpenAPI document of /api/v1 only, and a page pointing to it", async () => {
    const doc = await t.app.inject({ method: "GET", url: "/api/docs/openapi.json" });
    assert.equal(doc.statusCode, 200);
    const paths = Object.keys(doc.json().paths).sort();
    assert.deepEqual(paths, [
      "/api/v1/cases",
      "/api/v1/cases/{reference}",
      "/api/v1/conversations",
      "/api/v1/conversations/{id}/audio",
      "/api/v1/conversations/{id}/audio/{messageId}.wav",
      "/api/v1/conversations/{id}/avis",
      "/api/v1/conversations/{id}/messages",
      "/api/v1/conversations/{id}/votes",
      "/api/v1/search",
      "/api/v1/voice",
    ]);
    assert.ok(doc.json().paths["/api/v1/cases"].post.requestBody);
    const page = await t.app.inject({ method: "GET", url: "/api/docs" });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/api\/docs\/openapi.json"/);
  });
});
