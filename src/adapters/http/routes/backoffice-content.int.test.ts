import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aBackofficeClient, type BackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { aLocalItem } from "../../../../test/factories/a-local-item.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import type { AgentRole } from "../../../domains/identity/index.ts";
import { getKnowledgeRevision } from "../../../domains/knowledge/knowledge-revision.ts";
import { fixedClock } from "../../../shared/clock.ts";

describe("back office: editing local content", () => {
  let t: TestApp;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));

  before(async () => {
    t = await createTestApp({ clock });
  });
  beforeEach(async () => {
    await t.database.truncate();
    await t.deps.db
      .insertInto("organisations")
      .values({ ...t.deps.organisation, settings: "{}" })
      .execute();
    await t.deps.db
      .insertInto("knowledge_revisions")
      .values({ organisation_id: t.deps.organisation.id })
      .execute();
  });
  after(() => t.close());

  async function signedIn(roles: AgentRole[]): Promise<{ client: BackofficeClient; agentId: string }> {
    const agent = await anAgent(t.deps.db, { organisationId: t.deps.organisation.id, roles, clock });
    const client = aBackofficeClient(t.app);
    const login = await client.signIn(agent.email, agent.password);
    assert.equal(login.statusCode, 303);
    return { client, agentId: agent.id };
  }

  const faqRow = (id: string) =>
    t.deps.db.selectFrom("local_items").selectAll().where("id", "=", id).executeTakeFirst();
  const eventsOf = async (id: string) =>
    (
      await t.deps.db
        .selectFrom("events")
        .select(["action", "actor_id"])
        .where("entity_id", "=", id)
        .orderBy("id")
        .execute()
    ).map((e) => e.action);

  it("lets an editor create, edit, publish, unpublish and delete a FAQ entry", async () => {
    const { client, agentId } = await signedIn(["editor"]);
    const revision0 = await getKnowledgeRevision(t.deps.db, t.deps.organisation.id);

    const form = await client.get("/admin/faq/nouveau");
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<label for="champ-title">Question/);
    const created = await client.post("/admin/faq", {
      title: "Où faire établir une carte d'identité ?",
      body: "À la mairie, sur rendez-vous.\n\n- pré-demande en ligne\n- photo récente",
      altQuestions: "refaire ma carte d'identité\nCNI mairie",
    });
    assert.equal(created.statusCode, 303);
    const id = /\/admin\/faq\/([0-9a-f-]{36})$/.exec(created.headers.location as string)?.[1];
    assert.ok(id, created.headers.location as string);
    let row = await faqRow(id);
    assert.equal(row?.status, "draft");
    assert.equal(row?.slug, "ou-faire-etablir-une-carte-d-identite");
    assert.deepEqual(row?.alt_questions, ["refaire ma carte d'identité", "CNI mairie"]);
    assert.equal(row?.created_by, agentId);
    assert.equal(await getKnowledgeRevision(t.deps.db, t.deps.organisation.id), revision0 + 1);

    const edit = await client.get(`/admin/faq/${id}`);
    assert.match(edit.body, /Brouillon créé/);
    assert.match(edit.body, /refaire ma carte d'identité\nCNI mairie<\/textarea>/);
    assert.equal(
      (
        await client.post(`/admin/faq/${id}`, {
          title: "Carte d'identité : où la faire ?",
          body: "À la mairie.",
        })
      ).statusCode,
      303,
    );
    row = await faqRow(id);
    assert.equal(row?.title, "Carte d'identité : où la faire ?");
    assert.equal(row?.slug, "ou-faire-etablir-une-carte-d-identite", "the slug stays stable");
    assert.deepEqual(row?.alt_questions, []);

    await client.get(`/admin/faq/${id}`);
    assert.equal((await client.post(`/admin/faq/${id}/publication`, { action: "publier" })).statusCode, 303);
    row = await faqRow(id);
    assert.equal(row?.status, "published");
    assert.equal(row?.published_at?.toISOString(), "2026-03-10T09:00:00.000Z");
    const dashboard = await client.get("/admin");
    assert.match(dashboard.body, /Contenu publié/);
    assert.match(dashboard.body, /status-published">Publié/);

    const unpublish = await client.post(`/admin/faq/${id}/publication`, {
      action: "depublier",
      retour: "tableau",
    });
    assert.equal(unpublish.headers.location, "/admin");
    assert.equal((await faqRow(id))?.status, "draft");

    const confirm = await client.get(`/admin/faq/${id}/suppression`);
    assert.match(confirm.body, /Supprimer la question « Carte d'identité : où la faire \? » \?/);
    assert.match(confirm.body, /Supprimer définitivement/);
    assert.equal((await faqRow(id))?.status, "draft", "the confirmation page deletes nothing");
    const deleted = await client.post(`/admin/faq/${id}/suppression`, {});
    assert.equal(deleted.headers.location, "/admin");
    assert.equal(await faqRow(id), undefined);
    assert.match((await client.get("/admin")).body, /a été supprimée/);

    assert.deepEqual(await eventsOf(id), ["created", "updated", "published", "unpublished", "deleted"]);
    assert.equal(await getKnowledgeRevision(t.deps.db, t.deps.organisation.id), revision0 + 5);
  });

  it("re-renders the form with French messages per field and the values typed", async () => {
    const { client } = await signedIn(["admin"]);
    await client.get("/admin/actualites/nouveau");
    const longBody = `Début du texte ${"é".repeat(20_000)}`;
    const refused = await client.post("/admin/actualites", {
      title: "x".repeat(201),
      summary: "Un résumé <gardé>",
      body: longBody,
      publishedOn: "2026-13-01",
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<title>Erreur : Nouvelle actualité/);
    assert.match(refused.body, /Le formulaire contient 3 erreurs/);
    assert.match(refused.body, /Le titre ne doit pas dépasser 200 caractères \(actuellement 201\)\./);
    assert.match(refused.body, /Le texte ne doit pas dépasser 20 000 caractères/);
    assert.match(refused.body, /Saisissez une date de publication valide/);
    assert.match(refused.body, /href="#champ-title"/);
    assert.match(refused.body, /aria-invalid="true"/);
    assert.match(refused.body, new RegExp(`value="${"x".repeat(201)}"`));
    assert.match(refused.body, /Un résumé &lt;gardé>|Un résumé &lt;gardé&gt;/);
    assert.match(refused.body, /Début du texte ééé/);
    assert.match(refused.body, /value="2026-13-01"/);
    assert.equal((await t.deps.db.selectFrom("local_items").select("id").execute()).length, 0);

    const missing = await client.post("/admin/actualites", { title: " ", body: "" });
    assert.match(missing.body, /Le titre est obligatoire\./);
    assert.match(missing.body, /Le texte est obligatoire\./);
  });

  it("gives a slug suffix when another item of the kind has the same title", async () => {
    const { client } = await signedIn(["editor"]);
    await aLocalItem(t.deps.db, {
      organisationId: t.deps.organisation.id,
      kind: "procedure",
      form: { title: "Réserver une salle" },
    });
    await client.get("/admin/demarches/nouveau");
    const created = await client.post("/admin/demarches", { title: "Réserver une salle", body: "Texte." });
    const row = await t.deps.db
      .selectFrom("local_items")
      .select("slug")
      .where("id", "=", (created.headers.location as string).split("/").pop()!)
      .executeTakeFirst();
    assert.equal(row?.slug, "reserver-une-salle-2");
  });

  it("refuses content pages to an agent without the editor role (403, French)", async () => {
    const item = await aLocalItem(t.deps.db, { organisationId: t.deps.organisation.id, status: "published" });
    const { client } = await signedIn(["agent"]);
    const dashboard = await client.get("/admin");
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /demandez le rôle « éditeur »/);
    assert.doesNotMatch(dashboard.body, /Nouvelle question/);

    for (const url of ["/admin/faq/nouveau", `/admin/faq/${item.id}`]) {
      const page = await client.get(url);
      assert.equal(page.statusCode, 403, url);
      assert.match(page.body, /Votre compte ne permet pas de modifier les contenus/);
    }
    await client.get("/admin");
    const post = await client.post(`/admin/faq/${item.id}/suppression`, {});
    assert.equal(post.statusCode, 403);
    assert.ok(await faqRow(item.id), "nothing deleted");
  });

  it("answers 404 in French for an unknown kind or item", async () => {
    const { client } = await signedIn(["editor"]);
    for (const url of [
      "/admin/recettes/nouveau",
      "/admin/faq/pas-un-id",
      "/admin/faq/00000000-0000-4000-8000-000000000000",
    ]) {
      const page = await client.get(url);
      assert.equal(page.statusCode, 404, url);
      assert.match(page.body, /introuvable|n'existe pas/);
    }
  });
});
