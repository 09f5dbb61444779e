/**
 * Administration over HTTP: accounts (create, roles, disable/enable) and teams (create, members),
 * reserved to administrators, CSRF-checked, and blind to another organisation's ids.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { addTeamMember, createTeam, listTeams } from "../../../domains/cases/index.ts";
import {
  AGENT_NOT_FOUND_MESSAGE,
  ensureOrganisation,
  INVALID_CREDENTIALS_MESSAGE,
  SELF_ADMIN_ROLE_MESSAGE,
  SELF_DISABLE_MESSAGE,
} from "../../../domains/identity/index.ts";
import { systemClock } from "../../../shared/clock.ts";
import { ADMIN_ROLE_REQUIRED_MESSAGE } from "../../../web/backoffice/admin/labels.ts";
import { CSRF_REFUSED_MESSAGE } from "../plugins/backoffice-errors.tsx";

/** Text of a page with entities decoded, for comparing with French messages. */
function text(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

async function eventsOf(
  t: TestApp,
  entityId: string,
): Promise<{ action: string; actor_id: string | null }[]> {
  return t.database.db
    .selectFrom("events")
    .select(["action", "actor_id"])
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}

async function rolesOf(t: TestApp, agentId: string): Promise<string[]> {
  const row = await t.database.db
    .selectFrom("agents")
    .select("roles")
    .where("id", "=", agentId)
    .executeTakeFirstOrThrow();
  return row.roles;
}

describe("back-office administration", () => {
  let t: TestApp;
  let orgId: string;
  let admin: Awaited<ReturnType<typeof anAgent>>;
  let client: ReturnType<typeof aBackofficeClient>;

  before(async () => {
    t = await createTestApp();
    orgId = t.deps.organisation.id;
    admin = await anAgent(t.database.db, {
      organisationId: orgId,
      roles: ["admin"],
      displayName: "Alex Admin",
    });
    client = aBackofficeClient(t.app);
    assert.equal((await client.signIn(admin.email, admin.password)).statusCode, 303);
  });
  after(() => t.close());

  it("shows the Administration link to administrators only", async () => {
    const home = await client.get("/admin");
    assert.match(home.body, /<a href="\/admin\/agents">Administration<\/a>/);
    const editor = await anAgent(t.database.db, { organisationId: orgId, roles: ["editor"] });
    const other = aBackofficeClient(t.app);
    await other.signIn(editor.email, editor.password);
    assert.doesNotMatch((await other.get("/admin")).body, /Administration/);
  });

  it("creates an account that can then sign in", async () => {
    const list = await client.get("/admin/agents");
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<caption>Comptes de l'organisation, par nom<\/caption>/);
    assert.match(list.body, /<th scope="col">Adresse électronique<\/th>/);
    const created = await client.post("/admin/agents", {
      email: "Nouvel.Agent@Mairie-Test.fr",
      name: "Nora Nouvelle",
      roles: "agent",
      password: "un-mot-de-passe-solide",
    });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, "/admin/agents");
    const after = await client.get("/admin/agents");
    assert.match(after.body, /Compte de Nora Nouvelle créé/);
    assert.match(after.body, /nouvel\.agent@mairie-test\.fr/);

    const row = await t.database.db
      .selectFrom("agents")
      .select(["id", "roles"])
      .where("email", "=", "nouvel.agent@mairie-test.fr")
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.roles, ["agent"]);
    assert.deepEqual(await eventsOf(t, row.id), [{ action: "created", actor_id: admin.id }]);

    const nora = aBackofficeClient(t.app);
    const signIn = await nora.signIn("nouvel.agent@mairie-test.fr", "un-mot-de-passe-solide");
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, "/admin");
  });

  it("refuses a weak initial password or a taken address, with an error summary", async () => {
    const weak = await client.post("/admin/agents", {
      email: "court@mairie-test.fr",
      name: "Court",
      roles: "editor",
      password: "court",
    });
    assert.equal(weak.statusCode, 400);
    assert.match(text(weak.body), /<title>Erreur : Comptes des agents/);
    assert.match(
      text(weak.body),
      /<a href="#compte-mot-de-passe">Le mot de passe doit contenir au moins 12 caractères\.<\/a>/,
    );
    assert.match(weak.body, /value="court@mairie-test.fr"/);

    const noRole = await client.post("/admin/agents", {
      email: "sansrole@mairie-test.fr",
      name: "Sans rôle",
      password: "un-mot-de-passe-solide",
    });
    assert.equal(noRole.statusCode, 400);
    assert.match(text(noRole.body), /<a href="#compte-roles">Choisissez au moins un rôle\.<\/a>/);

    const taken = await client.post("/admin/agents", {
      email: admin.email,
      name: "Doublon",
      roles: "agent",
      password: "un-mot-de-passe-solide",
    });
    assert.equal(taken.statusCode, 409);
    assert.match(text(taken.body), /Un compte existe déjà avec cette adresse électronique\./);
  });

  it("changes an agent's roles and records the change", async () => {
    const target = await anAgent(t.database.db, { organisationId: orgId, roles: ["agent"] });
    const page = await client.get(`/admin/agents/${target.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<legend>Rôles/);
    const changed = await client.post(`/admin/agents/${target.id}/roles`, { roles: "editor" });
    assert.equal(changed.statusCode, 303);
    assert.deepEqual(await rolesOf(t, target.id), ["editor"]);
    const events = await eventsOf(t, target.id);
    assert.deepEqual(events.at(-1), { action: "roles_changed", actor_id: admin.id });

    const none = await client.post(`/admin/agents/${target.id}/roles`, {});
    assert.equal(none.statusCode, 400);
    assert.match(text(none.body), /Choisissez au moins un rôle\./);
    assert.deepEqual(await rolesOf(t, target.id), ["editor"]);
  });

  it("disables an agent, who can no longer sign in nor use an open session, then enables them", async () => {
    const target = await anAgent(t.database.db, { organisationId: orgId, roles: ["agent"] });
    const theirs = aBackofficeClient(t.app, { address: "10.0.0.7" });
    assert.equal((await theirs.signIn(target.email, target.password)).statusCode, 303);

    await client.get(`/admin/agents/${target.id}`);
    const disabled = await client.post(`/admin/agents/${target.id}/statut`, { action: "desactiver" });
    assert.equal(disabled.statusCode, 303);
    const page = await client.get(`/admin/agents/${target.id}`);
    assert.match(text(page.body), /Compte désactivé : l'agent ne peut plus se connecter\./);
    assert.deepEqual((await eventsOf(t, target.id)).at(-1), { action: "disabled", actor_id: admin.id });

    const open = await theirs.get("/admin");
    assert.equal(open.statusCode, 303);
    assert.equal(open.headers.location, "/admin/connexion");
    const refused = await aBackofficeClient(t.app, { address: "10.0.0.8" }).signIn(
      target.email,
      target.password,
    );
    assert.equal(refused.statusCode, 401);
    assert.match(text(refused.body), new RegExp(INVALID_CREDENTIALS_MESSAGE.replace(/\./g, "\\.")));

    const enabled = await client.post(`/admin/agents/${target.id}/statut`, { action: "reactiver" });
    assert.equal(enabled.statusCode, 303);
    assert.deepEqual((await eventsOf(t, target.id)).at(-1), { action: "enabled", actor_id: admin.id });
    const again = await aBackofficeClient(t.app, { address: "10.0.0.9" }).signIn(
      target.email,
      target.password,
    );
    assert.equal(again.statusCode, 303);
  });

  it("refuses that an administrator disables themselves or drops their own admin role", async () => {
    await client.get(`/admin/agents/${admin.id}`);
    const disable = await client.post(`/admin/agents/${admin.id}/statut`, { action: "desactiver" });
    assert.equal(disable.statusCode, 403);
    assert.match(text(disable.body), new RegExp(SELF_DISABLE_MESSAGE.replace(/\./g, "\\.")));
    const demote = await client.post(`/admin/agents/${admin.id}/roles`, { roles: "agent" });
    assert.equal(demote.statusCode, 403);
    assert.match(text(demote.body), new RegExp(SELF_ADMIN_ROLE_MESSAGE.replace(/\./g, "\\.")));
    assert.deepEqual(await rolesOf(t, admin.id), ["admin"]);
    assert.equal((await client.get("/admin/agents")).statusCode, 200);
  });

  it("refuses editors and agents with a French 403", async () => {
    for (const role of ["editor", "agent"] as const) {
      const someone = await anAgent(t.database.db, { organisationId: orgId, roles: [role] });
      const theirs = aBackofficeClient(t.app, { address: `10.1.0.${role.length}` });
      await theirs.signIn(someone.email, someone.password);
      for (const url of ["/admin/agents", "/admin/equipes", `/admin/agents/${admin.id}`]) {
        const page = await theirs.get(url);
        assert.equal(page.statusCode, 403, `${role} ${url}`);
        assert.match(text(page.body), new RegExp(ADMIN_ROLE_REQUIRED_MESSAGE.replace(/\./g, "\\.")));
      }
      const post = await theirs.post(`/admin/agents/${admin.id}/statut`, { action: "desactiver" });
      assert.equal(post.statusCode, 403);
      assert.equal((await eventsOf(t, admin.id)).at(-1)?.action, "signed_in");
    }
  });

  it("sends visitors who are not signed in to the login page", async () => {
    const anonymous = await aBackofficeClient(t.app).get("/admin/equipes");
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, "/admin/connexion");
  });

  it("refuses a form without its CSRF token", async () => {
    const response = await client.post(
      "/admin/agents",
      { email: "csrf@mairie-test.fr", name: "Csrf", roles: "agent", password: "un-mot-de-passe-solide" },
      { csrf: null },
    );
    assert.equal(response.statusCode, 403);
    assert.match(text(response.body), new RegExp(CSRF_REFUSED_MESSAGE.replace(/\./g, "\\.")));
    const row = await t.database.db
      .selectFrom("agents")
      .select("id")
      .where("email", "=", "csrf@mairie-test.fr")
      .executeTakeFirst();
    assert.equal(row, undefined);
  });

  it("creates a team, adds and removes a member", async () => {
    const member = await anAgent(t.database.db, {
      organisationId: orgId,
      roles: ["agent"],
      displayName: "Morgane Membre",
    });
    await client.get("/admin/equipes");
    const created = await client.post("/admin/equipes", { name: "  État   civil " });
    assert.equal(created.statusCode, 303);
    const team = (await listTeams(t.database.db, { organisationId: orgId })).find(
      (x) => x.name === "État civil",
    );
    assert.ok(team);

    const duplicate = await client.post("/admin/equipes", { name: "État civil" });
    assert.equal(duplicate.statusCode, 409);
    assert.match(text(duplicate.body), /<a href="#equipe-nom">Une équipe porte déjà ce nom\.<\/a>/);

    const added = await client.post(`/admin/equipes/${team.id}/membres`, { agentId: member.id });
    assert.equal(added.statusCode, 303);
    const page = await client.get("/admin/equipes");
    assert.match(text(page.body), /Membre ajouté à l'équipe « État civil »/);
    assert.match(text(page.body), /<caption>Membres de l'équipe « État civil »<\/caption>/);
    assert.match(page.body, /<th scope="row">Morgane Membre<\/th>/);
    const agents = await client.get("/admin/agents");
    assert.match(agents.body, /<td>État civil<\/td>/);

    const removed = await client.post(`/admin/equipes/${team.id}/membres/${member.id}/retrait`, {});
    assert.equal(removed.statusCode, 303);
    const [after] = (await listTeams(t.database.db, { organisationId: orgId })).filter(
      (x) => x.id === team.id,
    );
    assert.deepEqual(after?.memberIds, []);
    const actions = (await eventsOf(t, team.id)).map((e) => e.action);
    assert.deepEqual(actions, ["created", "member_added", "member_removed"]);

    const renamed = await client.post(`/admin/equipes/${team.id}/nom`, { name: "État civil et élections" });
    assert.equal(renamed.statusCode, 303);
    assert.match(
      text((await client.get("/admin/equipes")).body),
      /<h2 id="equipe-[^"]+">État civil et élections<\/h2>/,
    );
  });

  it("answers 404 in French for another organisation's agent or team, and for malformed ids", async () => {
    const elsewhere = await ensureOrganisation(t.database.db, { slug: "ailleurs", name: "Ville d'ailleurs" });
    const stranger = await anAgent(t.database.db, { organisationId: elsewhere.id, roles: ["agent"] });
    const theirTeam = await createTeam(t.database.db, {
      organisationId: elsewhere.id,
      name: "Leur équipe",
      clock: systemClock,
    });
    await addTeamMember(t.database.db, {
      organisationId: elsewhere.id,
      teamId: theirTeam.id,
      agentId: stranger.id,
    });
    const ourTeam = await createTeam(t.database.db, {
      organisationId: orgId,
      name: "Urbanisme",
      clock: systemClock,
    });
    await client.get("/admin/equipes");

    const requests: [string, string, Record<string, string>?][] = [
      ["GET", `/admin/agents/${stranger.id}`],
      ["GET", "/admin/agents/pas-un-identifiant"],
      ["POST", `/admin/agents/${stranger.id}/roles`, { roles: "admin" }],
      ["POST", `/admin/agents/${stranger.id}/statut`, { action: "desactiver" }],
      ["POST", `/admin/equipes/${theirTeam.id}/membres`, { agentId: admin.id }],
      ["POST", `/admin/equipes/${ourTeam.id}/membres`, { agentId: stranger.id }],
      ["POST", `/admin/equipes/${theirTeam.id}/membres/${stranger.id}/retrait`, {}],
      ["POST", `/admin/equipes/${theirTeam.id}/nom`, { name: "Piratée" }],
    ];
    for (const [method, url, form] of requests) {
      const response = method === "GET" ? await client.get(url) : await client.post(url, form ?? {});
      assert.equal(response.statusCode, 404, `${method} ${url}`);
      assert.match(text(response.body), /introuvable/, `${method} ${url}`);
    }
    assert.match(
      text((await client.get(`/admin/agents/${stranger.id}`)).body),
      new RegExp(AGENT_NOT_FOUND_MESSAGE.replace(/\./g, "\\.")),
    );

    assert.deepEqual(await rolesOf(t, stranger.id), ["agent"]);
    const theirs = await listTeams(t.database.db, { organisationId: elsewhere.id });
    assert.deepEqual(
      theirs.map((x) => ({ name: x.name, memberIds: x.memberIds })),
      [{ name: "Leur équipe", memberIds: [stranger.id] }],
    );
    const disabled = await t.database.db
      .selectFrom("agents")
      .select("disabled_at")
      .where("id", "=", stranger.id)
      .executeTakeFirstOrThrow();
    assert.equal(disabled.disabled_at, null);
  });
});
