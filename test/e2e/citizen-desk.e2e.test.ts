/**
 * The citizen desk in real Chromium: the contact form (empty, with errors), its confirmation and the
 * tracking page pass axe (WCAG 2.1 A/AA) with zero violations, and the form needs no JavaScript.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

async function assertNoViolation(page: Page): Promise<void> {
  assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
}

describe("citizen desk in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startSiteServer();
    browser = await launchBrowser();
    const context = await browser.newContext();
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has no axe violation: contact form", async () => {
    const response = await page.goto(`${server.baseUrl}/contact`);
    assert.equal(response?.status(), 200);
    await assertNoViolation(page);
  });

  it("has no axe violation: contact form with errors", async () => {
    await page.goto(`${server.baseUrl}/contact`);
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await page.waitForSelector(".error-summary");
    assert.match((await page.locator(".error-summary h2").textContent()) ?? "", /3 erreurs/);
    await assertNoViolation(page);
  });

  let trackingPath = "";

  it("has no axe violation: confirmation (the pages carry no script)", async () => {
    await page.goto(`${server.baseUrl}/contact`);
    assert.equal(await page.locator("script").count(), 0, "the form needs no JavaScript");
    await page.getByLabel("Adresse électronique").fill("dominique@exemple.fr");
    await page.getByLabel("Objet").fill("Ramassage des encombrants");
    await page.getByLabel("Votre message").fill("Bonjour, quand passe le ramassage des encombrants ?");
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await page.waitForSelector("text=Votre demande a bien été envoyée");
    assert.match((await page.locator("main").textContent()) ?? "", /GU-\d{4}-\d{6}/);
    trackingPath = (await page.locator('a[href^="/suivi/"]').getAttribute("href")) ?? "";
    assert.match(trackingPath, /^\/suivi\/[A-Za-z0-9_-]{32}$/);
    await assertNoViolation(page);
  });

  it("has no axe violation: tracking page, and a reply from it", async () => {
    const response = await page.goto(server.baseUrl + trackingPath);
    assert.equal(response?.status(), 200);
    await assertNoViolation(page);
    await page.getByLabel("Votre message").fill("J'ajoute une précision.");
    await page.getByRole("button", { name: "Envoyer", exact: true }).click();
    await page.waitForSelector("text=Votre message a bien été ajouté");
    await assertNoViolation(page);
  });

  it("has no axe violation: look-up by reference", async () => {
    const response = await page.goto(`${server.baseUrl}/suivi`);
    assert.equal(response?.status(), 200);
    await assertNoViolation(page);
  });
});
