import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { createTestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";

const INVALID = "Adresse électronique ou mot de passe incorrect.";
const CSRF_MESSAGE = "Ce formulaire a expiré ou ne provient pas de l'espace agents.";

describe("back office: login, sessions, CSRF, rate limit", () => {
  let t: TestApp;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));

  before(async () => {
    t = await createTestApp({ clock });
  });
  beforeEach(() => t.database.truncate().then(() => undefined));
  after(() => t.close());

  // truncate() empties organisations too: recreate the one the app serves.
  async function editor() {
    await t.deps.db
      .insertInto("organisations")
      .values({ ...t.deps.organisation, settings: "{}" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return anAgent(t.deps.db, { organisationId: t.deps.organisation.id, clock });
  }

  it("shows an accessible login form, and redirects visitors without a session to it", async () => {
    const client = aBackofficeClient(t.app);
    const dashboard = await client.get("/admin");
    assert.equal(dashboard.statusCode, 303);
    assert.equal(dashboard.headers.location, "/admin/connexion");
    const page = await client.get("/admin/connexion");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="email">Adresse électronique/);
    assert.match(page.body, /autocomplete="username"/);
    assert.match(page.body, /autocomplete="current-password"/);
    assert.match(page.body, /Espace agents/);
    assert.equal(page.headers["cache-control"], "no-store");
  });

  it("signs in with the right password and keeps the session in the database", async () => {
    const agent = await editor();
    const client = aBackofficeClient(t.app);
    const login = await client.signIn(agent.email, agent.password);
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, "/admin");
    const cookie = login.cookies.find((c) => c.name === "guichet_session");
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Lax");
    assert.equal(cookie.path, "/admin");
    assert.equal(cookie.secure, undefined, "http PUBLIC_URL: no Secure flag");

    const dashboard = await client.get("/admin");
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, new RegExp(`Connecté en tant que <strong>${agent.displayName}</strong>`));
    const rows = await t.deps.db.selectFrom("sessions").select(["data", "expires_at"]).execute();
    const mine = rows.filter((r) => (r.data as { agentId?: string }).agentId === agent.id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.expires_at.toISOString(), "2026-03-10T17:00:00.000Z", "8 hours idle expiry");
  });

  it("shares sessions and the generated secret between app processes using one database", async () => {
    const database = await createTestDatabase();
    const first = await createTestApp({ clock, database });
    const second = await createTestApp({ clock, database });
    try {
      const agent = await anAgent(database.db, { organisationId: first.deps.organisation.id, clock });
      const client = aBackofficeClient(first.app);
      await client.signIn(agent.email, agent.password);
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      const dashboard = await second.app.inject({ url: "/admin", headers: { cookie } });
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /Contenus de la commune/);
      const secrets = await database.db.selectFrom("instance_settings").select("key").execute();
      assert.deepEqual(
        secrets.map((s) => s.key),
        ["session_secret"],
      );
    } finally {
      await first.close();
      await second.close();
      await database.close();
    }
  });

  it("refuses a wrong password or unknown address with one French message, keeping the address typed", async () => {
    const agent = await editor();
    const client = aBackofficeClient(t.app);
    for (const [email, password] of [
      [agent.email, "mauvais-mot-de-passe"],
      ["personne@mairie-test.fr", agent.password],
    ] as const) {
      await client.get("/admin/connexion");
      const refused = await client.post("/admin/connexion", { email, password });
      assert.equal(refused.statusCode, 401);
      assert.match(refused.body, new RegExp(INVALID));
      assert.match(refused.body, /<title>Erreur : Connexion/);
      assert.match(refused.body, /class="error-summary" role="alert"[^>]*tabindex="-1"/);
      assert.match(refused.body, new RegExp(`value="${email}"`));
      assert.doesNotMatch(refused.body, new RegExp(password));
    }
    assert.equal((await client.get("/admin")).statusCode, 303, "still signed out");
  });

  it("blocks an address after 5 failures (429, French) until 15 minutes have passed", async () => {
    const agent = await editor();
    const client = aBackofficeClient(t.app);
    for (let i = 0; i < 5; i++) {
      await client.get("/admin/connexion");
      assert.equal(
        (await client.post("/admin/connexion", { email: agent.email, password: `faux-${i}` })).statusCode,
        401,
      );
    }
    await client.get("/admin/connexion");
    const blocked = await client.post("/admin/connexion", { email: agent.email, password: agent.password });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Trop de tentatives de connexion/);

    clock.advance(15 * 60 * 1000 + 1000);
    await client.get("/admin/connexion");
    const ok = await client.post("/admin/connexion", { email: agent.email, password: agent.password });
    assert.equal(ok.statusCode, 303);
    const left = await t.deps.db.selectFrom("login_attempts").select("key").execute();
    assert.ok(
      left.every((row) => row.key.startsWith("ip:")),
      "success clears the e-mail's failures",
    );
  });

  it("refuses a form without its CSRF token (403, French), even with a valid session", async () => {
    const agent = await editor();
    const noSession = aBackofficeClient(t.app);
    const missing = await noSession.post(
      "/admin/connexion",
      { email: agent.email, password: agent.password },
      { csrf: null },
    );
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, new RegExp(CSRF_MESSAGE));

    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    for (const csrf of [null, "jeton-invente"]) {
      const refused = await client.post("/admin/faq", { title: "Q ?", body: "R." }, { csrf });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, new RegExp(CSRF_MESSAGE));
      assert.match(refused.body, /Accès refusé/);
    }
    const items = await t.deps.db.selectFrom("local_items").select("id").execute();
    assert.equal(items.length, 0);
  });

  it("logs out: the session row is deleted and the dashboard asks to sign in again", async () => {
    const agent = await editor();
    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    await client.get("/admin");
    const logout = await client.post("/admin/deconnexion", {});
    assert.equal(logout.statusCode, 303);
    assert.equal(logout.headers.location, "/admin/connexion?deconnexion=1");
    const sessions = await t.deps.db.selectFrom("sessions").select("data").execute();
    assert.ok(sessions.every((s) => (s.data as { agentId?: string }).agentId !== agent.id));
    assert.equal((await client.get("/admin")).statusCode, 303);
    assert.match((await client.get("/admin/connexion?deconnexion=1")).body, /Vous êtes déconnecté/);
  });

  it("expires a session after 8 idle hours", async () => {
    const agent = await editor();
    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    clock.advance(7 * 3600 * 1000);
    assert.equal((await client.get("/admin")).statusCode, 200, "activity pushes expiry back");
    clock.advance(7 * 3600 * 1000);
    assert.equal((await client.get("/admin")).statusCode, 200);
    clock.advance(8 * 3600 * 1000 + 1000);
    assert.equal((await client.get("/admin")).statusCode, 303);
  });

  it("marks the cookie Secure when PUBLIC_URL is https (behind a TLS proxy)", async () => {
    const https = await createTestApp({
      clock,
      env: { PUBLIC_URL: "https://mairie.example", TRUST_PROXY: "1" },
    });
    try {
      const page = await https.app.inject({
        url: "/admin/connexion",
        headers: { "x-forwarded-proto": "https" },
      });
      const cookie = page.cookies.find((c) => c.name === "guichet_session");
      assert.equal(cookie?.secure, true);
    } finally {
      await https.close();
    }
  });

  it("leaves public pages cookie-free", async () => {
    for (const url of ["/health", "/", "/assets/site.css"]) {
      const response = await t.app.inject({ url });
      assert.equal(response.headers["set-cookie"], undefined, url);
    }
  });
});
