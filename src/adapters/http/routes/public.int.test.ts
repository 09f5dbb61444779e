import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { FICHE_NOT_FOUND_MESSAGE } from "../../../domains/knowledge/fiches/index.ts";
import { fixedClock } from "../../../shared/clock.ts";
import type { LocalItemKind } from "../../../shared/database.ts";

const NOW = new Date("2026-03-10T10:00:00Z");

describe("public site routes", () => {
  let t: TestApp;
  let organisationId: string;

  const insertItem = (
    kind: LocalItemKind,
    slug: string,
    title: string,
    options: { draft?: boolean; publishedAt?: Date } = {},
  ) =>
    t.database.db
      .insertInto("local_items")
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        kind,
        slug,
        title,
        summary: `Résumé de ${title}`,
        body: "Premier paragraphe.\n\n- premier point\n- second point\n\n<b>pas du HTML</b>",
        alt_questions: [],
        created_by: null,
        updated_by: null,
        status: options.draft ? "draft" : "published",
        published_at: options.draft ? null : (options.publishedAt ?? new Date("2026-03-01T00:00:00Z")),
      })
      .execute();

  before(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    organisationId = t.deps.organisation.id;
    await insertPackageFiches(t.database.db, organisationId, [
      "F21089",
      "N358",
      "N19810",
      "F1341",
      "F1367",
      "F1427",
      "F32303",
    ]);
    await insertItem("faq", "horaires-mairie", "Quels sont les horaires de la mairie ?");
    await insertItem("faq", "brouillon-faq", "Question en brouillon", { draft: true });
    await insertItem("news", "travaux-rue", "Travaux rue des Tilleuls");
    await insertItem("news", "actualite-brouillon", "Actualité en brouillon", { draft: true });
    await insertItem("news", "actualite-future", "Actualité programmée", {
      publishedAt: new Date("2026-04-01T00:00:00Z"),
    });
    await insertItem("procedure", "inscription-cantine", "Inscription à la cantine");
    await insertItem("procedure", "demarche-brouillon", "Démarche en brouillon", { draft: true });
  });
  after(() => t.close());

  it("serves F21089 faithfully, with its source, original link and French date", async () => {
    const res = await t.app.inject({ url: "/fiches/F21089" });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="fr">/);
    assert.equal(res.body.match(/<h1[ >]/g)?.length, 1);
    assert.match(res.body, /<h1>Renouvellement de la carte d'identité d'un majeur<\/h1>/);
    assert.match(res.body, /<h2 id="situation-1">Demande en France<\/h2>/);
    assert.match(
      res.body,
      /Source : service-public\.fr, Direction de l'information légale et administrative/,
    );
    assert.match(res.body, /href="https:\/\/www\.service-public\.fr\/particuliers\/vosdroits\/F21089"/);
    assert.match(res.body, /Dernière modification : 1er octobre 2020/);
    assert.match(res.body, /Les règles ont pu changer depuis cette date/);
    // breadcrumb links the theme and the folder
    assert.match(
      res.body,
      /<nav class="container breadcrumb" aria-label="Fil d'Ariane">.*<a href="\/fiches\/N19810">Papiers - Citoyenneté<\/a>.*<a href="\/fiches\/N358">Carte d'identité<\/a>/s,
    );
    // a link to a fiche we hold uses our page, one to a fiche we do not hold stays text
    assert.match(res.body, /<a href="\/fiches\/F32303">valide 5 ans après la date d'expiration<\/a>/);
    assert.ok(!res.body.includes('href="/fiches/F10619"'));
    assert.ok(!/<script|style="/.test(res.body), "no inline script or style");
  });

  it("keeps F21089's page under 100 KB", async () => {
    const res = await t.app.inject({ url: "/fiches/F21089" });
    assert.ok(Buffer.byteLength(res.body) <= 100 * 1024, `${Buffer.byteLength(res.body)} bytes`);
  });

  it("lists a folder's fiches with their titles (N358)", async () => {
    const res = await t.app.inject({ url: "/fiches/N358" });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Carte d'identité<\/h1>/);
    assert.match(res.body, /<h2>Pour un majeur<\/h2>/);
    assert.match(res.body, /<a href="\/fiches\/F1341">Carte d'identité d'un majeur : première demande<\/a>/);
    assert.match(
      res.body,
      /<a href="\/fiches\/F21089">Renouvellement de la carte d'identité d'un majeur<\/a>/,
    );
  });

  it("lists a theme's folders and the themes page", async () => {
    const theme = await t.app.inject({ url: "/fiches/N19810" });
    assert.match(
      theme.body,
      /<h2>Identité - Authentification<\/h2><ul class="link-list"><li><a href="\/fiches\/N358">Carte d'identité<\/a>/,
    );
    const themes = await t.app.inject({ url: "/themes" });
    assert.equal(themes.statusCode, 200);
    assert.match(themes.body, /<a href="\/fiches\/N19810">Papiers - Citoyenneté<\/a>/);
  });

  for (const url of [
    "/fiches/F99999999",
    "/fiches/%3Cscript%3E",
    "/fiches/f21089",
    "/fiches/F1'%20OR%201=1",
  ]) {
    it(`answers ${url} with a French 404 page`, async () => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /<h1>Page introuvable<\/h1>/);
      assert.ok(
        res.body.includes(FICHE_NOT_FOUND_MESSAGE.replace(/'/g, "&#39;")) ||
          res.body.includes(FICHE_NOT_FOUND_MESSAGE),
      );
      assert.ok(!res.body.includes("<script>"));
    });
  }

  it("shows popular procedures, themes and published news on the home page", async () => {
    const res = await t.app.inject({ url: "/" });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<label for="recherche-accueil">Que cherchez-vous \?<\/label>/);
    assert.match(
      res.body,
      /<a href="\/fiches\/F21089">Renouvellement de la carte d'identité d'un majeur<\/a>/,
    );
    assert.match(res.body, /<a href="\/fiches\/F1367">Listes électorales : nouvelle inscription<\/a>/);
    assert.match(res.body, /<a href="\/fiches\/N19810">Papiers - Citoyenneté<\/a>/);
    assert.match(res.body, /Travaux rue des Tilleuls/);
    assert.match(res.body, /Publié le <time datetime="2026-03-01">1er mars 2026<\/time>/);
    assert.ok(!res.body.includes("Actualité en brouillon"));
    assert.ok(!res.body.includes("Actualité programmée"));
  });

  it("shows only published FAQ entries, body as plain text", async () => {
    const res = await t.app.inject({ url: "/faq" });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2 id="faq-horaires-mairie">Quels sont les horaires de la mairie \?<\/h2>/);
    assert.match(res.body, /<ul><li>premier point<\/li><li>second point<\/li><\/ul>/);
    assert.match(res.body, /&lt;b>pas du HTML&lt;\/b>/);
    assert.ok(!res.body.includes("Question en brouillon"));
  });

  it("lists and shows published news only", async () => {
    const list = await t.app.inject({ url: "/actualites" });
    assert.match(list.body, /<a href="\/actualites\/travaux-rue">Travaux rue des Tilleuls<\/a>/);
    assert.ok(!list.body.includes("Actualité en brouillon"));
    assert.ok(!list.body.includes("Actualité programmée"));
    const item = await t.app.inject({ url: "/actualites/travaux-rue" });
    assert.equal(item.statusCode, 200);
    assert.match(item.body, /<h1>Travaux rue des Tilleuls<\/h1>/);
    const draft = await t.app.inject({ url: "/actualites/actualite-brouillon" });
    assert.equal(draft.statusCode, 404);
    assert.match(
      draft.body,
      /Cette actualité n&#39;existe pas ou n&#39;est plus publiée\.|Cette actualité n'existe pas ou n'est plus publiée\./,
    );
  });

  it("lists and shows published local procedures only", async () => {
    const list = await t.app.inject({ url: "/demarches" });
    assert.match(list.body, /<a href="\/demarches\/inscription-cantine">Inscription à la cantine<\/a>/);
    assert.ok(!list.body.includes("Démarche en brouillon"));
    const item = await t.app.inject({ url: "/demarches/inscription-cantine" });
    assert.equal(item.statusCode, 200);
    assert.match(item.body, /<p>Premier paragraphe\.<\/p>/);
    for (const url of ["/demarches/demarche-brouillon", "/demarches/%3Cscript%3E"]) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /Cette démarche n/);
    }
  });

  it("serves the legal notice and the accessibility statement", async () => {
    const legal = await t.app.inject({ url: "/mentions-legales" });
    assert.equal(legal.statusCode, 200);
    assert.match(legal.body, /Ce site est édité par Ville de Démo/);
    assert.match(legal.body, /<h2>Données personnelles<\/h2>/);
    assert.match(legal.body, /jamais le contenu de vos messages ni de données\s+personnelles/);
    const a11y = await t.app.inject({ url: "/accessibilite" });
    assert.match(a11y.body, /<strong>non conforme<\/strong>/);
    assert.match(a11y.body, /<strong>Un audit est en cours<\/strong>/);
    assert.match(a11y.body, /<h2>Signaler un problème<\/h2>/);
  });
});
