/**
 * Testimonials, the suggestion box and "Vous avez dit, nous avons fait" in real Chromium on the demo
 * content: zero axe violations (WCAG 2.1 A/AA) on every public page, on a form sent back with errors,
 * and on the moderation and action pages of the back office (signed in as the demo supervisor).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_SUPERVISOR } from "../../src/demo/seed-feedback-testimonials.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

describe("testimonials and improvement actions in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startSiteServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function noViolations(path: string) {
    const response = await page.goto(server.baseUrl + path);
    assert.equal(response?.status(), 200, path);
    assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  }

  for (const path of [
    "/temoignages",
    "/temoignages?theme=urbanisme",
    "/temoignages/nouveau",
    "/suggestions",
    "/vous-avez-dit",
  ])
    it(`has no axe violation: ${path}`, () => noViolations(path));

  it("shows published testimonials with the town's reply, and realised actions with quotes", async () => {
    await page.goto(`${server.baseUrl}/temoignages`);
    assert.equal(await page.locator("article.testimonial").count(), 3);
    assert.match(
      (await page.locator("main").textContent()) ?? "",
      /Un message d'accueil donne désormais les horaires/,
    );
    assert.doesNotMatch(
      (await page.locator("main").textContent()) ?? "",
      /attestation d'accueil/,
      "the unvalidated one is not public",
    );
    await page.goto(`${server.baseUrl}/vous-avez-dit`);
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, /Annoncer les horaires du service urbanisme au téléphone/);
    assert.match(text, /« J'ai appelé quatre fois/);
    assert.match(text, /Ouvrir l'accueil un samedi matin par mois/);
  });

  it("sends a testimonial back with linked errors and the typed text kept, with no axe violation", async () => {
    await page.goto(`${server.baseUrl}/temoignages/nouveau`);
    await page.getByLabel("Titre de votre témoignage").fill("Mon titre");
    await page.getByRole("button", { name: "Envoyer mon témoignage" }).click();
    await page.waitForLoadState();
    assert.match(await page.title(), /^Erreur : /);
    assert.equal(await page.getByLabel("Titre de votre témoignage").inputValue(), "Mon titre");
    assert.equal(
      await page.locator(".error-summary a[href='#recit']").textContent(),
      "Racontez ce qui s'est passé.",
    );
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });

  it("sends a testimonial that lands in the moderation queue", async () => {
    await page.goto(`${server.baseUrl}/temoignages/nouveau`);
    await page.getByLabel("Au guichet, en mairie").check();
    await page.getByLabel("Titre de votre témoignage").fill("Carte grise : bien orienté");
    await page
      .getByLabel("Ce qui s'est passé")
      .fill(
        "On m'a expliqué que la carte grise se fait en ligne et on m'a aidé sur le poste en libre-service.",
      );
    await page.getByLabel("Satisfait ou satisfaite").check();
    await page.getByRole("button", { name: "Envoyer mon témoignage" }).click();
    await page.waitForLoadState();
    assert.match((await page.locator("h1").textContent()) ?? "", /votre témoignage a bien été envoyé/);
  });

  describe("back office", () => {
    let testimonialUrl = "";
    let actionUrl = "";
    before(async () => {
      page = await (await browser.newContext()).newPage();
      await page.goto(`${server.baseUrl}/admin/connexion`);
      await page.getByLabel("Adresse électronique").fill(DEMO_SUPERVISOR.email);
      await page.getByLabel("Mot de passe").fill(DEMO_SUPERVISOR.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL(`${server.baseUrl}/admin`);
      await page.getByRole("link", { name: "Témoignages et actions" }).click();
      await page.waitForURL(/\/admin\/temoignages$/);
      testimonialUrl = (await page.locator("tbody th a").first().getAttribute("href")) ?? "";
      await page.goto(`${server.baseUrl}/admin/actions-amelioration`);
      actionUrl = (await page.locator("tbody th a").first().getAttribute("href")) ?? "";
    });

    const pages: [string, () => string][] = [
      ["file de modération", () => "/admin/temoignages"],
      ["témoignages publiés", () => "/admin/temoignages?etat=publie"],
      ["page d'un témoignage", () => testimonialUrl],
      ["actions d'amélioration", () => "/admin/actions-amelioration"],
      ["page d'une action", () => actionUrl],
      ["nouvelle action", () => "/admin/actions-amelioration/nouvelle"],
      ["boîte à idées", () => "/admin/suggestions"],
    ];
    for (const [label, path] of pages) it(`has no axe violation: ${label}`, () => noViolations(path()));

    it("has no axe violation on a rejection sent back without its reason", async () => {
      await page.goto(server.baseUrl + testimonialUrl);
      await page.getByRole("button", { name: "Rejeter le témoignage" }).click();
      await page.waitForLoadState();
      assert.match(await page.title(), /^Erreur : /);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });
  });
});
