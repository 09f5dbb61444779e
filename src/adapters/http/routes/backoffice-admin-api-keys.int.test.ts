/**
 * API keys screen over HTTP: list, create (secret shown once), revoke after confirmation; events with
 * the administrator as actor; CSRF checked; administrators only; blind to another organisation's keys.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import {
  API_KEY_NAME_MESSAGE,
  API_KEY_NOT_FOUND_MESSAGE,
  authenticateApiKey,
  createApiKey,
} from "../../../domains/identity/api-keys/index.ts";
import { ensureOrganisation } from "../../../domains/identity/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import { systemClock } from "../../../shared/clock.ts";
import { ADMIN_ROLE_REQUIRED_MESSAGE } from "../../../web/backoffice/admin/labels.ts";
import { CSRF_REFUSED_MESSAGE } from "../plugins/backoffice-errors.tsx";

function text(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("API keys screen", () => {
  let t: TestApp;
  let orgId: string;
  let admin: Awaited<ReturnType<typeof anAgent>>;
  let client: ReturnType<typeof aBackofficeClient>;

  before(async () => {
    t = await createTestApp();
    orgId = t.deps.organisation.id;
    admin = await anAgent(t.database.db, { organisationId: orgId, roles: ["admin"] });
    client = aBackofficeClient(t.app);
    assert.equal((await client.signIn(admin.email, admin.password)).statusCode, 303);
  });
  after(() => t.close());

  const eventsOf = (id: string) =>
    t.database.db
      .selectFrom("events")
      .select(["action", "actor_id"])
      .where("entity_type", "=", "api_key")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
  const keyRow = (name: string) =>
    t.database.db.selectFrom("api_keys").selectAll().where("name", "=", name).executeTakeFirst();
  const authenticates = async (key: string) => {
    try {
      await authenticateApiKey(t.database.db, { authorization: `Bearer ${key}`, clock: systemClock });
      return true;
    } catch (error) {
      assert.ok(error instanceof AppError && error.code === "UNAUTHENTICATED");
      return false;
    }
  };

  it("is linked from the administration navigation, and says when there is no key", async () => {
    const page = await client.get("/admin/cles-api");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/admin\/cles-api" aria-current="page">Clés d'API<\/a>/);
    assert.match(page.body, /Aucune clé pour l'instant\./);
    assert.match((await client.get("/admin/agents")).body, /<a href="\/admin\/cles-api">Clés d'API<\/a>/);
  });

  it("creates a key and shows its secret once; the list never shows it again", async () => {
    await client.get("/admin/cles-api");
    const created = await client.post("/admin/cles-api", { name: "  Portail   famille " });
    assert.equal(created.statusCode, 201);
    assert.match(created.body, /<h1>Clé d'API « Portail famille » créée<\/h1>/);
    assert.match(created.body, /elle ne sera plus jamais affichée/);
    const secret = /id="cle-secret" value="(gk_[A-Za-z0-9_-]{43})"/.exec(created.body)?.[1];
    assert.ok(secret, "the secret is on the page");
    assert.equal(created.headers["cache-control"], "no-store");

    const row = await keyRow("Portail famille");
    assert.ok(row);
    assert.notEqual(row.key_hash, secret, "only a hash is stored");
    assert.deepEqual(await eventsOf(row.id), [{ action: "created", actor_id: admin.id }]);

    const list = await client.get("/admin/cles-api");
    assert.ok(!list.body.includes(secret), "never shown again");
    assert.match(
      list.body,
      /<caption>Clés d'API de l'organisation, de la plus ancienne à la plus récente<\/caption>/,
    );
    assert.match(
      list.body,
      /<th scope="row">Portail famille<\/th><td>[^<]+<\/td><td><span class="desk-none">Jamais<\/span><\/td><td>Active<\/td>/,
    );
    assert.equal(await authenticates(secret), true, "the shown secret works");
  });

  it("shows the date of last use once the key has been used", async () => {
    const { key } = await createApiKey(t.database.db, {
      organisationId: orgId,
      name: "Signalements",
      clock: systemClock,
    });
    await authenticates(key);
    const list = await client.get("/admin/cles-api");
    assert.doesNotMatch(
      list.body,
      /<th scope="row">Signalements<\/th><td>[^<]+<\/td><td><span class="desk-none">Jamais/,
    );
  });

  it("refuses an empty name next to its field, and creates nothing", async () => {
    await client.get("/admin/cles-api");
    const refused = await client.post("/admin/cles-api", { name: "   " });
    assert.equal(refused.statusCode, 400);
    assert.ok(text(refused.body).includes(`<a href="#cle-nom">${API_KEY_NAME_MESSAGE}</a>`));
    assert.match(refused.body, /aria-describedby="cle-nom-aide cle-nom-erreur"/);
    const count = await t.database.db.selectFrom("api_keys").select("id").where("name", "=", "").execute();
    assert.equal(count.length, 0);
  });

  it("revokes after a confirmation page; the key stops working", async () => {
    const { id, key } = await createApiKey(t.database.db, {
      organisationId: orgId,
      name: "Ancien portail",
      clock: systemClock,
    });
    const list = await client.get("/admin/cles-api");
    assert.ok(list.body.includes(`href="/admin/cles-api/${id}/revocation"`));
    const confirm = await client.get(`/admin/cles-api/${id}/revocation`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Révoquer la clé d'API « Ancien portail » \?<\/h1>/);
    assert.match(confirm.body, new RegExp(`<form method="post" action="/admin/cles-api/${id}/revocation"`));
    assert.equal(await authenticates(key), true, "nothing happens on the confirmation page");

    const revoked = await client.post(`/admin/cles-api/${id}/revocation`, {});
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, "/admin/cles-api");
    const after = await client.get("/admin/cles-api");
    assert.match(
      text(after.body),
      /Clé « Ancien portail » révoquée : elle ne permet plus de déposer de demandes\./,
    );
    assert.match(
      after.body,
      /<th scope="row">Ancien portail<\/th>(<td>[^<]*(<span[^>]*>[^<]*<\/span>)?<\/td>){2}<td>Révoquée le /,
    );
    assert.equal(await authenticates(key), false);
    assert.deepEqual((await eventsOf(id)).at(-1), { action: "revoked", actor_id: admin.id });

    const again = await client.get(`/admin/cles-api/${id}/revocation`);
    assert.equal(again.statusCode, 303, "an already revoked key has nothing to confirm");
  });

  it("refuses a revocation or a creation without the CSRF token", async () => {
    const { id, key } = await createApiKey(t.database.db, {
      organisationId: orgId,
      name: "Csrf",
      clock: systemClock,
    });
    await client.get("/admin/cles-api");
    const revoke = await client.post(`/admin/cles-api/${id}/revocation`, {}, { csrf: null });
    assert.equal(revoke.statusCode, 403);
    assert.ok(text(revoke.body).includes(CSRF_REFUSED_MESSAGE));
    assert.equal(await authenticates(key), true);
    const create = await client.post("/admin/cles-api", { name: "Sans jeton" }, { csrf: null });
    assert.equal(create.statusCode, 403);
    assert.equal(await keyRow("Sans jeton"), undefined);
  });

  it("gives a French 404 for another organisation's key", async () => {
    const other = await ensureOrganisation(t.database.db, { slug: "autre", name: "Autre ville" });
    const { id, key } = await createApiKey(t.database.db, {
      organisationId: other.id,
      name: "Clé d'ailleurs",
      clock: systemClock,
    });
    assert.ok(!(await client.get("/admin/cles-api")).body.includes("Clé d&#39;ailleurs"));
    assert.ok(!(await client.get("/admin/cles-api")).body.includes("Clé d'ailleurs"));
    for (const response of [
      await client.get(`/admin/cles-api/${id}/revocation`),
      await client.post(`/admin/cles-api/${id}/revocation`, {}),
    ]) {
      assert.equal(response.statusCode, 404);
      assert.ok(text(response.body).includes(API_KEY_NOT_FOUND_MESSAGE));
    }
    assert.equal(await authenticates(key), true);
  });

  it("refuses editors and agents with a French 403", async () => {
    const { id, key } = await createApiKey(t.database.db, {
      organisationId: orgId,
      name: "Gardée",
      clock: systemClock,
    });
    for (const role of ["editor", "agent"] as const) {
      const someone = await anAgent(t.database.db, { organisationId: orgId, roles: [role] });
      const theirs = aBackofficeClient(t.app, { address: `10.2.0.${role.length}` });
      await theirs.signIn(someone.email, someone.password);
      for (const url of ["/admin/cles-api", `/admin/cles-api/${id}/revocation`]) {
        const page = await theirs.get(url);
        assert.equal(page.statusCode, 403, `${role} GET ${url}`);
        assert.ok(text(page.body).includes(ADMIN_ROLE_REQUIRED_MESSAGE));
      }
      const create = await theirs.post("/admin/cles-api", { name: `Par ${role}` });
      assert.equal(create.statusCode, 403);
      assert.equal(await keyRow(`Par ${role}`), undefined);
      const revoke = await theirs.post(`/admin/cles-api/${id}/revocation`, {});
      assert.equal(revoke.statusCode, 403);
    }
    assert.equal(await authenticates(key), true);
  });
});
