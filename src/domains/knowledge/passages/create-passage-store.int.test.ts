import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { aLocalItem } from "../../../../test/factories/a-local-item.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { systemClock } from "../../../shared/clock.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { createPassageStore } from "./create-passage-store.ts";

describe("passage store (database)", () => {
  let database: TestDatabase;
  let organisationId: string;

  before(async () => {
    database = await createTestDatabase();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Démo" })).id;
    await insertPackageFiches(database.db, organisationId, ["F1341", "N358", "N360"]);
  });
  after(() => database.close());

  it("cuts stored fiches and published local items into pages with their citation details", async () => {
    const faq = await aLocalItem(database.db, {
      organisationId,
      kind: "faq",
      status: "published",
      form: {
        title: "Où se garer ?",
        summary: "Parking gratuit.",
        body: "Place de la mairie.",
        altQuestions: "Parking mairie",
      },
    });
    const draft = await aLocalItem(database.db, {
      organisationId,
      kind: "faq",
      status: "draft",
      form: { title: "Brouillon", body: "x" },
    });
    const store = createPassageStore({ db: database.db, clock: systemClock });
    const pages = await store.getPages(organisationId, [
      "F1341",
      `faq:${faq.id}`,
      `faq:${draft.id}`,
      "F0000",
    ]);
    assert.deepEqual([...pages.keys()].sort(), ["F1341", `faq:${faq.id}`]);
    const fiche = pages.get("F1341");
    assert.equal(fiche?.url, "/fiches/F1341");
    assert.match(fiche?.date ?? "", /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((fiche?.passages.length ?? 0) > 5);
    assert.deepEqual(pages.get(`faq:${faq.id}`)?.passages, [
      { headings: [], text: "Parking gratuit.\nPlace de la mairie." },
    ]);
    assert.deepEqual(await store.listLocalQuestions(organisationId), [
      { sourceId: `faq:${faq.id}`, title: "Où se garer ?", questions: ["Où se garer ?", "Parking mairie"] },
    ]);
    assert.deepEqual(
      (await store.listFolders(organisationId)).map((f) => f.sourceId),
      ["N358", "N360"],
    );
  });

  it("forgets what it cut when the knowledge changes", async () => {
    const store = createPassageStore({ db: database.db, clock: systemClock });
    const before = (await store.listLocalQuestions(organisationId)).length;
    await aLocalItem(database.db, {
      organisationId,
      kind: "faq",
      status: "published",
      form: { title: "Horaires ?", body: "9 h - 17 h" },
    });
    await store.refresh(organisationId);
    assert.equal((await store.listLocalQuestions(organisationId)).length, before + 1);
  });
});
