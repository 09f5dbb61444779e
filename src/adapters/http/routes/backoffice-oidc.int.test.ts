import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { aBackofficeClient, type BackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import {
  type LocalOidcProvider,
  startLocalOidcProvider,
} from "../../../../test/helpers/local-oidc-provider.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";

const PUBLIC_URL = "http://localhost:3000";
const REDIRECT_URI = `${PUBLIC_URL}/admin/connexion/oidc/retour`;
const LOGOUT_RETURN = `${PUBLIC_URL}/admin/connexion?deconnexion=1`;
const NOT_OPEN = "Votre compte n'est pas encore ouvert dans Guichet : demandez à un administrateur";

describe("back office: sign-in with an OpenID Connect provider (local oidc-provider)", () => {
  const clock = fixedClock(new Date());
  let provider: LocalOidcProvider;
  let database: TestDatabase;
  let t: TestApp;
  let autoCreate: TestApp;

  const envFor = (extra: Record<string, string> = {}) => ({
    PUBLIC_URL,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_SCOPES: "openid email profile usual_name",
    ...extra,
  });

  before(async () => {
    provider = await startLocalOidcProvider({
      redirectUri: REDIRECT_URI,
      postLogoutRedirectUri: LOGOUT_RETURN,
      signedUserinfo: true,
    });
    database = await createTestDatabase();
    t = await createTestApp({ clock, database, env: envFor() });
    autoCreate = await createTestApp({ clock, database, env: envFor({ OIDC_AUTO_CREATE: "true" }) });
  });
  beforeEach(async () => {
    await database.truncate();
    // truncate() empties organisations too: recreate the one the apps serve.
    await database.db
      .insertInto("organisations")
      .values({ ...t.deps.organisation, settings: "{}" })
      .execute();
    provider.accounts.clear();
  });
  after(async () => {
    await t?.close();
    await autoCreate?.close();
    await database?.close();
    await provider?.close();
  });

  /** Guichet → provider (login, consent) → back to Guichet's callback, as a browser would. */
  async function throughProvider(
    client: BackofficeClient,
    subject: string,
    options: { abort?: boolean; tamper?: (callback: URL) => void } = {},
  ) {
    const start = await client.get("/admin/connexion/oidc");
    assert.equal(start.statusCode, 303);
    const authorization = new URL(String(start.headers.location));
    assert.equal(authorization.origin, provider.issuer);
    const back = new URL(
      await provider.authorize(authorization.href, { subject, abort: options.abort, returnTo: REDIRECT_URI }),
    );
    options.tamper?.(back);
    return client.get(`${back.pathname}${back.search}`);
  }

  async function agentRow(email: string) {
    return database.db
      .selectFrom("agents")
      .select(["id", "roles", "oidc_issuer", "oidc_subject", "password_hash", "display_name"])
      .where("email", "=", email)
      .executeTakeFirst();
  }

  it("shows the provider button above the password form, as a plain link", async () => {
    const page = await aBackofficeClient(t.app).get("/admin/connexion");
    assert.equal(page.statusCode, 200);
    const button = page.body.indexOf('href="/admin/connexion/oidc"');
    assert.ok(button > 0, "link to start the flow");
    assert.ok(button < page.body.indexOf('action="/admin/connexion"'), "above the local form");
    assert.match(page.body, /Se connecter avec le fournisseur d'identité de la collectivité/);

    const withoutOidc = await createTestApp({ clock, database });
    try {
      const plain = await aBackofficeClient(withoutOidc.app).get("/admin/connexion");
      assert.doesNotMatch(plain.body, /connexion\/oidc/);
      assert.equal((await withoutOidc.app.inject({ url: "/admin/connexion/oidc" })).statusCode, 404);
    } finally {
      await withoutOidc.close();
    }
  });

  it("signs a known agent in by e-mail (any case), stores the subject, then recognises the subject", async () => {
    const agent = await anAgent(database.db, {
      organisationId: t.deps.organisation.id,
      email: "marie.dupont@mairie-test.fr",
      displayName: "Marie Dupont",
      clock,
    });
    provider.accounts.set("sub-marie", { email: "Marie.DUPONT@mairie-test.fr", email_verified: true });
    const client = aBackofficeClient(t.app);
    // The address comes from a signed userinfo answer (as ProConnect sends it), not the ID token.
    const userinfoTypes: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (String(input).endsWith("/me")) userinfoTypes.push(response.headers.get("content-type") ?? "");
      return response;
    };
    const callback = await throughProvider(client, "sub-marie").finally(() => {
      globalThis.fetch = realFetch;
    });
    assert.deepEqual(userinfoTypes, ["application/jwt; charset=utf-8"]);
    assert.equal(callback.statusCode, 303);
    assert.equal(callback.headers.location, "/admin");
    const dashboard = await client.get("/admin");
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Connecté en tant que <strong>Marie Dupont<\/strong>/);

    const row = await agentRow("marie.dupont@mairie-test.fr");
    assert.equal(row?.oidc_issuer, provider.issuer);
    assert.equal(row?.oidc_subject, "sub-marie");

    // The address changes at the provider: the stored subject still finds the same agent.
    provider.accounts.set("sub-marie", { email: "m.dupont-martin@ailleurs.fr" });
    const again = aBackofficeClient(t.app);
    assert.equal((await throughProvider(again, "sub-marie")).headers.location, "/admin");
    assert.equal((await again.get("/admin")).statusCode, 200);

    const events = await database.db
      .selectFrom("events")
      .select(["entity_id", "actor_id", "data"])
      .where("action", "=", "signed_in")
      .orderBy("id")
      .execute();
    assert.deepEqual(
      events.map((e) => [e.entity_id, e.actor_id, e.data]),
      [
        [agent.id, agent.id, { method: "oidc", outcome: "linked" }],
        [agent.id, agent.id, { method: "oidc", outcome: "known" }],
      ],
    );
  });

  it("refuses an unknown e-mail with the French message, creating nothing", async () => {
    provider.accounts.set("sub-inconnu", { email: "inconnu@mairie-test.fr", given_name: "Paul" });
    const client = aBackofficeClient(t.app);
    const refused = await throughProvider(client, "sub-inconnu");
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, new RegExp(NOT_OPEN));
    assert.match(refused.body, /<title>Erreur : Connexion/);
    assert.match(refused.body, /<a href="#connexion-oidc">/);
    assert.equal(await agentRow("inconnu@mairie-test.fr"), undefined);
    assert.equal((await client.get("/admin")).statusCode, 303, "not signed in");
    const events = await database.db
      .selectFrom("events")
      .select(["entity_type", "entity_id", "data"])
      .execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.entity_type, "oidc_identity");
    assert.deepEqual(events[0]?.data, { method: "oidc", reason: "unknown_email" });
    assert.doesNotMatch(JSON.stringify(events), /inconnu|sub-inconnu/, "no personal data in the event");
  });

  it("refuses a disabled agent, and an account already linked to another subject", async () => {
    const disabled = await anAgent(database.db, { organisationId: t.deps.organisation.id, clock });
    await database.db
      .updateTable("agents")
      .set({ disabled_at: clock.now() })
      .where("id", "=", disabled.id)
      .execute();
    provider.accounts.set("sub-off", { email: disabled.email });
    const off = await throughProvider(aBackofficeClient(t.app), "sub-off");
    assert.equal(off.statusCode, 403);
    assert.match(off.body, /Votre compte Guichet est désactivé/);

    const linked = await anAgent(database.db, { organisationId: t.deps.organisation.id, clock });
    provider.accounts.set("sub-a", { email: linked.email });
    provider.accounts.set("sub-b", { email: linked.email });
    assert.equal((await throughProvider(aBackofficeClient(t.app), "sub-a")).statusCode, 303);
    const other = await throughProvider(aBackofficeClient(t.app), "sub-b");
    assert.equal(other.statusCode, 403);
    assert.match(other.body, /déjà associé à une autre identité/);
  });

  it("lets an administrator unlink an identity after confirmation; the new identity then links by e-mail", async () => {
    const organisationId = t.deps.organisation.id;
    const linked = await anAgent(database.db, { organisationId, displayName: "Léa Lien", clock });
    provider.accounts.set("sub-old", { email: linked.email, email_verified: true });
    provider.accounts.set("sub-new", { email: linked.email, email_verified: true });
    assert.equal((await throughProvider(aBackofficeClient(t.app), "sub-old")).statusCode, 303);
    assert.equal((await throughProvider(aBackofficeClient(t.app), "sub-new")).statusCode, 403);

    const agentOnly = await anAgent(database.db, { organisationId, roles: ["agent"], clock });
    const notAdmin = aBackofficeClient(t.app, { address: "10.3.0.1" });
    await notAdmin.signIn(agentOnly.email, agentOnly.password);
    await notAdmin.get("/admin");
    const forbidden = await notAdmin.post(`/admin/agents/${linked.id}/dissociation-oidc`, {});
    assert.equal(forbidden.statusCode, 403);
    assert.match(forbidden.body, /réservée aux administrateurs/);

    const admin = await anAgent(database.db, { organisationId, roles: ["admin"], clock });
    const client = aBackofficeClient(t.app, { address: "10.3.0.2" });
    await client.signIn(admin.email, admin.password);
    const notLinked = await client.get(`/admin/agents/${agentOnly.id}/dissociation-oidc`);
    assert.equal(notLinked.statusCode, 303, "nothing to confirm for an account without identity");
    const page = await client.get(`/admin/agents/${linked.id}`);
    assert.ok(page.body.includes(`associé à une identité chez le fournisseur ${provider.issuer}`));
    assert.ok(page.body.includes(`href="/admin/agents/${linked.id}/dissociation-oidc"`));
    const confirm = await client.get(`/admin/agents/${linked.id}/dissociation-oidc`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Dissocier l'identité du compte de Léa Lien \?<\/h1>/);
    assert.equal(
      (await agentRow(linked.email))?.oidc_subject,
      "sub-old",
      "nothing changes before confirming",
    );

    const noToken = await client.post(`/admin/agents/${linked.id}/dissociation-oidc`, {}, { csrf: null });
    assert.equal(noToken.statusCode, 403);
    assert.equal((await agentRow(linked.email))?.oidc_subject, "sub-old");

    const done = await client.post(`/admin/agents/${linked.id}/dissociation-oidc`, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/admin/agents/${linked.id}`);
    const after = await client.get(`/admin/agents/${linked.id}`);
    assert.match(after.body, /Identité dissociée : la prochaine connexion par le fournisseur/);
    assert.match(after.body, /Aucune identité associée\./);
    const row = await agentRow(linked.email);
    assert.equal(row?.oidc_issuer, null);
    assert.equal(row?.oidc_subject, null);
    const event = await database.db
      .selectFrom("events")
      .select(["action", "actor_id", "data"])
      .where("entity_id", "=", linked.id)
      .where("action", "=", "oidc_unlinked")
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_id, admin.id);
    assert.deepEqual(event.data, { issuer: provider.issuer }, "the issuer, never the subject");

    // The provider's new identity for the same verified address now links to the account.
    const relinked = aBackofficeClient(t.app);
    assert.equal((await throughProvider(relinked, "sub-new")).headers.location, "/admin");
    assert.equal((await agentRow(linked.email))?.oidc_subject, "sub-new");
    const again = await client.get(`/admin/agents/${linked.id}/dissociation-oidc`);
    assert.equal(again.statusCode, 200, "linked again, so it can be unlinked again");
  });

  it("with OIDC_AUTO_CREATE, creates an unknown agent with the role agent only", async () => {
    provider.accounts.set("sub-nouveau", {
      email: "Nouvel.Agent@mairie-test.fr",
      given_name: "Nouvel",
      usual_name: "Agent",
    });
    const client = aBackofficeClient(autoCreate.app);
    const callback = await throughProvider(client, "sub-nouveau");
    assert.equal(callback.statusCode, 303);
    const row = await agentRow("nouvel.agent@mairie-test.fr");
    assert.deepEqual(row?.roles, ["agent"]);
    assert.equal(row?.display_name, "Nouvel Agent");
    assert.equal(row?.password_hash, null, "no password: sign-in through the provider only");
    assert.equal(row?.oidc_subject, "sub-nouveau");
    const dashboard = await client.get("/admin");
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Connecté en tant que <strong>Nouvel Agent<\/strong>/);
    const editing = await client.get("/admin/faq/nouveau");
    assert.equal(editing.statusCode, 403, "an auto-created agent cannot edit content");
    const actions = await database.db.selectFrom("events").select("action").orderBy("id").execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ["created", "signed_in"],
    );
  });

  it("refuses a callback whose state was tampered with, and a replayed callback", async () => {
    const agent = await anAgent(database.db, { organisationId: t.deps.organisation.id, clock });
    provider.accounts.set("sub-x", { email: agent.email });
    const client = aBackofficeClient(t.app);
    let callback: URL | undefined;
    const tampered = await throughProvider(client, "sub-x", {
      tamper: (url) => {
        callback = new URL(url);
        url.searchParams.set("state", "etat-falsifie");
      },
    });
    assert.equal(tampered.statusCode, 400);
    assert.match(tampered.body, /La réponse du fournisseur d'identité n'a pas pu être vérifiée/);
    assert.equal((await client.get("/admin")).statusCode, 303);
    assert.equal((await agentRow(agent.email))?.oidc_subject, null);

    // The genuine callback afterwards: the flow was used up by the failed attempt.
    const replay = await client.get(`${callback?.pathname}${callback?.search}`);
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /Votre demande de connexion a expiré ou a déjà été utilisée/);
  });

  it("shows the provider's refusal (access_denied) in French on the login page", async () => {
    provider.accounts.set("sub-y", { email: "y@mairie-test.fr" });
    const client = aBackofficeClient(t.app);
    const refused = await throughProvider(client, "sub-y", { abort: true });
    assert.equal(refused.statusCode, 401);
    assert.match(refused.body, /Connexion annulée : le fournisseur d'identité/);
    assert.match(refused.body, /action="\/admin\/connexion"/, "the password form stays available");
  });

  it("refuses an expired flow and a callback without any flow", async () => {
    const agent = await anAgent(database.db, { organisationId: t.deps.organisation.id, clock });
    provider.accounts.set("sub-lent", { email: agent.email });
    const client = aBackofficeClient(t.app);
    const start = await client.get("/admin/connexion/oidc");
    const back = new URL(
      await provider.authorize(String(start.headers.location), {
        subject: "sub-lent",
        returnTo: REDIRECT_URI,
      }),
    );
    clock.advance(11 * 60 * 1000);
    const late = await client.get(`${back.pathname}${back.search}`);
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /Votre demande de connexion a expiré/);

    const stranger = await aBackofficeClient(t.app).get("/admin/connexion/oidc/retour?code=x&state=y");
    assert.equal(stranger.statusCode, 400);
    assert.match(stranger.body, /Votre demande de connexion a expiré/);
  });

  it("logs out at the provider too (id_token_hint, post_logout_redirect_uri) after an OIDC sign-in", async () => {
    const agent = await anAgent(database.db, { organisationId: t.deps.organisation.id, clock });
    provider.accounts.set("sub-z", { email: agent.email });
    const client = aBackofficeClient(t.app);
    await throughProvider(client, "sub-z");
    await client.get("/admin");
    const logout = await client.post("/admin/deconnexion", {});
    assert.equal(logout.statusCode, 303);
    const location = new URL(String(logout.headers.location));
    assert.equal(location.origin, provider.issuer);
    assert.equal(location.searchParams.get("post_logout_redirect_uri"), LOGOUT_RETURN);
    assert.ok(location.searchParams.get("id_token_hint"));
    assert.ok(location.searchParams.get("state"));
    assert.equal((await client.get("/admin")).statusCode, 303, "signed out of Guichet");
    // The provider accepts the request (a bad hint or unregistered return address is a 400).
    const confirm = await provider.get(location.href);
    assert.equal(confirm.status, 200);
  });

  it("answers 503 in French when the provider cannot be reached", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await createTestApp({
      clock,
      database,
      env: envFor({ OIDC_ISSUER: `http://127.0.0.1:${port}` }),
    });
    try {
      const page = await aBackofficeClient(down.app).get("/admin/connexion/oidc");
      assert.equal(page.statusCode, 503);
      assert.match(page.body, /Le fournisseur d'identité ne répond pas/);
    } finally {
      await down.close();
    }
  });
});
