import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aLocalItem } from "../../../../test/factories/a-local-item.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import type { AppError } from "../../../shared/app-error.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { getKnowledgeRevision } from "../knowledge-revision.ts";
import { changeLocalItemStatus, createLocalItem, deleteLocalItem, updateLocalItem } from "./index.ts";

describe("local content use cases", () => {
  let database: TestDatabase;
  let organisationId: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  const editor = { id: "00000000-0000-4000-8000-000000000001", roles: ["editor" as const] };

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
  });
  after(() => database.close());

  it("gives -2, -3 slugs to same-titled items of one kind, and not across kinds", async () => {
    const title = "Horaires d'été de la médiathèque";
    const slugs = [];
    for (let i = 0; i < 3; i++)
      slugs.push((await aLocalItem(database.db, { organisationId, form: { title } })).slug);
    assert.deepEqual(slugs, [
      "horaires-d-ete-de-la-mediatheque",
      "horaires-d-ete-de-la-mediatheque-2",
      "horaires-d-ete-de-la-mediatheque-3",
    ]);
    const news = await aLocalItem(database.db, { organisationId, kind: "news", form: { title } });
    assert.equal(news.slug, "horaires-d-ete-de-la-mediatheque");
  });

  it("records an event and bumps the knowledge revision for every change, in order", async () => {
    const before = await getKnowledgeRevision(database.db, organisationId);
    const created = await createLocalItem(database.db, {
      organisationId,
      kind: "news",
      form: {
        title: "Fête de la musique",
        body: "Rendez-vous place de la Mairie.",
        publishedOn: "2026-06-01",
      },
      actor: editor,
      clock,
    });
    assert.ok(created.ok);
    const key = { organisationId, kind: "news" as const, id: created.item.id };
    assert.equal(created.item.status, "draft");
    assert.equal(created.item.publishedAt?.toISOString(), "2026-05-31T22:00:00.000Z");
    assert.ok(
      (
        await updateLocalItem(database.db, {
          ...key,
          form: { title: "Fête de la musique 2026", body: "Place de la Mairie." },
          actor: editor,
          clock,
        })
      ).ok,
    );
    assert.equal(
      (await changeLocalItemStatus(database.db, { ...key, action: "publish", actor: editor, clock })).changed,
      true,
    );
    assert.equal(
      (await changeLocalItemStatus(database.db, { ...key, action: "publish", actor: editor, clock })).changed,
      false,
    );
    assert.equal(
      (await changeLocalItemStatus(database.db, { ...key, action: "unpublish", actor: editor, clock }))
        .changed,
      true,
    );
    await deleteLocalItem(database.db, { ...key, actor: editor });

    const events = await database.db
      .selectFrom("events")
      .select(["action", "actor_id", "data"])
      .where("entity_type", "=", "local_item")
      .orderBy("id")
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["created", "updated", "published", "unpublished", "deleted"],
    );
    assert.ok(events.every((e) => e.actor_id === editor.id));
    assert.equal(await getKnowledgeRevision(database.db, organisationId), before + 5);
  });

  it("refuses an agent without the editor role, and an unknown item", async () => {
    const item = await aLocalItem(database.db, { organisationId });
    await assert.rejects(
      deleteLocalItem(database.db, {
        organisationId,
        kind: "faq",
        id: item.id,
        actor: { id: editor.id, roles: ["agent"] },
      }),
      (error: AppError) => error.code === "FORBIDDEN" && error.userMessage.includes("rôle « éditeur »"),
    );
    await assert.rejects(
      deleteLocalItem(database.db, { organisationId, kind: "news", id: item.id, actor: editor }),
      (error: AppError) => error.code === "NOT_FOUND",
    );
  });

  it("dates the first publication with the injected clock", async () => {
    const faq = await aLocalItem(database.db, { organisationId, status: "published", clock });
    assert.equal(faq.publishedAt?.toISOString(), "2026-03-10T09:00:00.000Z");
  });
});
