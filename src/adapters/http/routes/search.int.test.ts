import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { bumpKnowledgeRevision } from "../../../domains/knowledge/knowledge-revision.ts";
import {
  createSearchEngine,
  type WarmableSearchEngine,
} from "../../../domains/knowledge/search/create-search-engine.ts";
import { fixedClock } from "../../../shared/clock.ts";
import type { Db, LocalItemKind, PublicationStatus } from "../../../shared/database.ts";

const clock = fixedClock(new Date("2025-03-01T10:00:00Z"));
let t: TestApp;
let engine: WarmableSearchEngine;
let database: TestDatabase;

async function insertLocalItem(
  db: Db,
  organisationId: string,
  item: {
    kind: LocalItemKind;
    slug: string;
    title: string;
    body: string;
    status: PublicationStatus;
    alt?: string[];
  },
) {
  const id = randomUUID();
  await db
    .insertInto("local_items")
    .values({
      id,
      organisation_id: organisationId,
      kind: item.kind,
      slug: item.slug,
      title: item.title,
      summary: "",
      body: item.body,
      alt_questions: item.alt ?? [],
      status: item.status,
      published_at: item.status === "published" ? clock.now() : null,
    })
    .execute();
  return id;
}

async function search(query: string) {
  const response = await t.app.inject({ method: "GET", url: `/api/v1/search?${query}` });
  return { status: response.statusCode, body: response.json() };
}

describe("search API and page", () => {
  let faqId: string;

  before(async () => {
    database = await createTestDatabase();
    engine = createSearchEngine({ db: database.db, clock });
    t = await createTestApp({ clock, database, deps: { search: engine } });
    const orgId = t.deps.organisation.id;
    // F21089: particuliers only; F23567 (TVA rates) for professionals only.
    await insertPackageFiches(t.database.db, orgId, ["F21089", "F1427", "F1367", "F23567"]);
    faqId = await insertLocalItem(t.database.db, orgId, {
      kind: "faq",
      slug: "horaires-encombrants",
      title: "Quand passe la collecte des encombrants ?",
      body: "La collecte des encombrants a lieu le premier mardi du mois.",
      status: "published",
      alt: ["ramassage des vieux meubles"],
    });
    await insertLocalItem(t.database.db, orgId, {
      kind: "news",
      slug: "brouillon",
      title: "Fermeture exceptionnelle de la piscine",
      body: "Brouillon non publié.",
      status: "draft",
    });
    await bumpKnowledgeRevision(t.database.db, orgId);
  });
  after(async () => {
    await t.close();
    await database.close();
  });

  it("answers with the exact result shape and finds the fiche", async () => {
    const { status, body } = await search("q=refaire+ma+carte+d%27identit%C3%A9");
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ["results"]);
    const first = body.results[0];
    assert.deepEqual(Object.keys(first).sort(), ["id", "matchedTerms", "snippet", "title", "type", "url"]);
    assert.equal(first.id, "F21089");
    assert.equal(first.type, "fiche");
    assert.equal(first.url, "/fiches/F21089");
    assert.ok(first.snippet.length > 0);
    assert.ok(first.matchedTerms.includes("carte"));
  });

  it("finds a published FAQ entry, through an alternative phrasing too, with its own id and URL", async () => {
    for (const q of ["encombrants", "vieux meubles"]) {
      const { body } = await search(`q=${encodeURIComponent(q)}`);
      const first = body.results[0];
      assert.deepEqual(
        [first.id, first.url, first.type],
        [`faq:${faqId}`, "/faq#horaires-encombrants", "faq"],
      );
    }
  });

  it("never finds drafts", async () => {
    const { body } = await search("q=piscine");
    assert.deepEqual(body.results, []);
  });

  it("filters by audience", async () => {
    const all = await search("q=carte+identit%C3%A9");
    assert.ok(all.body.results.some((r: { id: string }) => r.id === "F21089"));
    const pro = await search("q=carte+identit%C3%A9&audience=professionnels");
    assert.equal(pro.status, 200);
    assert.ok(!pro.body.results.some((r: { id: string }) => r.id === "F21089"));
    const tva = await search("q=taux+de+TVA&audience=professionnels");
    assert.equal(tva.body.results[0]?.id, "F23567");
    const tvaForCitizens = await search("q=taux+de+TVA&audience=particuliers");
    assert.ok(!tvaForCitizens.body.results.some((r: { id: string }) => r.id === "F23567"));
  });

  it("sees new content once the revision moved and the check interval passed", async () => {
    const orgId = t.deps.organisation.id;
    await insertLocalItem(t.database.db, orgId, {
      kind: "procedure",
      slug: "permis-de-louer",
      title: "Permis de louer dans le centre ancien",
      body: "Déclarez votre logement avant de le louer.",
      status: "published",
    });
    await bumpKnowledgeRevision(t.database.db, orgId);
    clock.advance(3_000);
    await t.deps.search.search({ organisationId: orgId, text: "louer" }); // starts the background rebuild
    await engine.warm(orgId);
    const { body } = await search("q=permis+de+louer");
    assert.equal(body.results[0]?.url, "/demarches/permis-de-louer");
    assert.match(body.results[0]?.id, /^procedure:/);
  });

  const refusals: [string, string, string][] = [
    ["empty", "q=", "Saisissez au moins un mot à rechercher."],
    ["missing", "", "Saisissez au moins un mot à rechercher."],
    ["only control characters", "q=%00%07%1B", "Saisissez au moins un mot à rechercher."],
    [
      "10,000 characters",
      `q=${"a".repeat(10_000)}`,
      "Votre recherche est trop longue (200 caractères au maximum).",
    ],
    [
      "unknown audience",
      "q=passeport&audience=martiens",
      "Le public demandé est inconnu. Choisissez particuliers, professionnels ou associations.",
    ],
  ];
  for (const [name, query, message] of refusals) {
    it(`refuses a ${name} query with a French message`, async () => {
      const { status, body } = await search(query);
      assert.equal(status, 400);
      assert.equal(body.error.code, "BAD_REQUEST");
      assert.equal(body.error.message, message);
    });
  }

  it("treats SQL and HTML fragments as text", async () => {
    for (const q of ["'; DROP TABLE fiches; --", "<script>alert(1)</script>", "acte%00 de naissance"]) {
      const { status, body } = await search(`q=${encodeURIComponent(q)}`);
      assert.equal(status, 200, q);
      assert.ok(Array.isArray(body.results));
    }
    const count = await t.database.db
      .selectFrom("fiches")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 4);
  });

  describe("results page", () => {
    it("shows the count, type badges and highlighted words", async () => {
      const response = await t.app.inject({ method: "GET", url: "/recherche?q=acte+de+naissance" });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /\d+ résultats? pour « acte de naissance »/);
      assert.match(response.body, /<span class="badge badge-fiche">Fiche pratique<\/span>/);
      assert.match(response.body, /<mark>naissance<\/mark>/);
      assert.match(response.body, /href="\/fiches\/F1427"/);
    });

    it("escapes HTML typed in the query", async () => {
      const response = await t.app.inject({
        method: "GET",
        url: `/recherche?q=${encodeURIComponent("<script>alert(1)</script>")}`,
      });
      assert.equal(response.statusCode, 200);
      assert.doesNotMatch(response.body, /<script>alert/);
      assert.match(
        response.body,
        /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/,
      );
      assert.match(response.body, /Aucun résultat/);
    });

    it("asks for words when the query is empty", async () => {
      const response = await t.app.inject({ method: "GET", url: "/recherche?q=" });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Saisissez un ou plusieurs mots/);
    });

    it("explains a refused query on the page, keeping the form", async () => {
      const response = await t.app.inject({ method: "GET", url: `/recherche?q=${"b".repeat(10_000)}` });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Votre recherche est trop longue \(200 caractères au maximum\)\./);
      assert.match(response.body, /id="recherche-page"/);
    });
  });
});
