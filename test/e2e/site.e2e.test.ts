/**
 * The public site and the back-office login in real Chromium: zero axe violations (WCAG 2.1 A/AA)
 * and keyboard-only navigation to the search and the content.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

describe("public site in Chromium", { skip }, () => {
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

  const pages: [string, string, number?][] = [
    ["accueil", "/"],
    ["résultats de recherche", "/recherche?q=carte+d%27identit%C3%A9"],
    ["fiche avec situations (F21089)", "/fiches/F21089"],
    ["fiche avec tableaux et situations (F1438)", "/fiches/F1438"],
    ["dossier (N358)", "/fiches/N358"],
    ["thèmes", "/themes"],
    ["questions fréquentes", "/faq"],
    ["actualités", "/actualites"],
    ["page introuvable", "/fiches/F99999999", 404],
    ["connexion à l'espace agents", "/admin/connexion"],
  ];

  for (const [label, path, status = 200] of pages) {
    it(`has no axe violation: ${label}`, async () => {
      const response = await page.goto(server.baseUrl + path);
      assert.equal(response?.status(), status, `HTTP status of ${path}`);
      assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });
  }

  it("reaches the search with the keyboard only and opens a result", async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Aller au contenu");
    let onSearch = false;
    for (let i = 0; i < 15 && !onSearch; i++) {
      await page.keyboard.press("Tab");
      onSearch = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.type === "search",
      );
    }
    assert.ok(onSearch, "the search field is reachable with Tab");
    await page.keyboard.type("carte d'identité");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/recherche\?q=/);
    let onResult = false;
    for (let i = 0; i < 40 && !onResult; i++) {
      await page.keyboard.press("Tab");
      onResult = await page.evaluate(() => {
        const el = document.activeElement as HTMLAnchorElement | null;
        return !!el && el.tagName === "A" && !!el.closest("main") && /\/fiches\//.test(el.href);
      });
    }
    assert.ok(onResult, "a result link in the main content is reachable with Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/fiches\//);
    assert.match((await page.locator("h1").textContent()) ?? "", /\S/);
  });

  it("skips to the content: the first Tab after 'Aller au contenu' lands inside <main>", async () => {
    await page.goto(`${server.baseUrl}/fiches/F21089`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() => !!document.activeElement?.closest("main"));
    assert.ok(inMain, "focus moved into the main content");
  });
});
