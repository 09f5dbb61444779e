/**
 * The published results in real Chromium with JavaScript off: the demo's /resultats (last month, and
 * the three-month period with its monthly charts), the back office's list, a draft's preview and the
 * form sent back with an error — zero axe violations, and the figures citizens read are the JSON's.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { listPublishedPeriods, type ResultsSnapshot } from "../../src/domains/commitments/index.ts";
import { anAgent } from "../factories/an-agent.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

describe("published results in Chromium, without JavaScript", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  /** Axe needs scripts: it checks pages that have none of their own, so they render as without JavaScript. */
  let page: Page;
  let noScript: Page;
  let periodIds: string[] = [];
  let draftPath = "";

  before(async () => {
    server = await startSiteServer();
    const organisationId = server.deps.organisation.id;
    periodIds = (await listPublishedPeriods(server.database.db, { organisationId })).map((p) => p.id);
    assert.equal(periodIds.length, 2, "the demo publishes last month and the last three months");
    const admin = await anAgent(server.database.db, { organisationId, roles: ["admin"] });
    browser = await launchBrowser();
    const signIn = async (javaScriptEnabled: boolean) => {
      const tab = await (await browser.newContext({ javaScriptEnabled })).newPage();
      tab.setDefaultTimeout(15_000);
      await tab.goto(`${server.baseUrl}/admin/connexion`);
      await tab.getByLabel("Adresse électronique").fill(admin.email);
      await tab.getByLabel("Mot de passe").fill(admin.password);
      await tab.getByRole("button", { name: "Se connecter" }).click();
      await tab.waitForURL(`${server.baseUrl}/admin`);
      return tab;
    };
    page = await signIn(true);
    noScript = await signIn(false);
    await noScript.goto(`${server.baseUrl}/admin/resultats`);
    await noScript.getByRole("button", { name: "Préparer le brouillon" }).click();
    await noScript.waitForURL(/\/admin\/resultats\/[0-9a-f-]{36}$/);
    draftPath = new URL(noScript.url()).pathname;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages: [string, () => string][] = [
    ["résultats publics (dernier mois)", () => "/resultats"],
    ["résultats publics (trois mois, courbes)", () => `/resultats/${periodIds[1]}`],
    ["publication des résultats", () => "/admin/resultats"],
    ["aperçu d'un brouillon", () => draftPath],
    ["aperçu de résultats publiés", () => `/admin/resultats/${periodIds[0]}`],
  ];
  for (const [label, path] of pages) {
    it(`has no axe violation: ${label}`, async () => {
      const response = await page.goto(server.baseUrl + path());
      assert.equal(response?.status(), 200, `HTTP status of ${path()}`);
      assert.equal(
        await page.locator("script").count(),
        0,
        "no script: the page is the same without JavaScript",
      );
      assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
      assert.ok(
        (await page.locator(".result").count()) > 10 || path() === "/admin/resultats",
        "indicators shown",
      );
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });
  }

  it("shows citizens the JSON's figures, hides small samples, and draws charts with their tables", async () => {
    await noScript.goto(`${server.baseUrl}/resultats/${periodIds[1]}`);
    const json = (await (
      await fetch(`${server.baseUrl}/resultats/${periodIds[1]}.json`)
    ).json()) as ResultsSnapshot;
    for (const indicator of json.indicators) {
      const block = noScript.locator(`[data-indicator="${indicator.id}"]`);
      const shown = ((await block.locator(".result-value").textContent()) ?? "").replace(
        /[\u202f\u00a0]/g,
        " ",
      );
      if (indicator.shown && indicator.value !== null) {
        const number = Number(/^[+-]?[\d ]+(?:,\d+)?/.exec(shown)?.[0].replace(/ /g, "").replace(",", "."));
        assert.equal(number, indicator.value, `${indicator.id}: ${shown}`);
      } else assert.match(shown, /^(Échantillon insuffisant \(moins de 10\)|Aucune donnée sur la période)$/);
      assert.match(
        (await block.locator(".result-sample").textContent()) ?? "",
        new RegExp(`Échantillon : ${indicator.n}`),
      );
    }
    const figures = noScript.locator("figure.chart-figure");
    assert.ok((await figures.count()) >= 3, "bar charts and monthly lines");
    for (const figure of await figures.all()) {
      assert.equal(await figure.locator('svg[role="img"]').count(), 1);
      assert.equal(await figure.locator("table caption").count(), 1);
      const labelled = (await figure.locator("svg").getAttribute("aria-labelledby")) ?? "";
      for (const id of labelled.split(" "))
        assert.equal(await noScript.locator(`[id="${id}"]`).count(), 1, id);
    }
  });

  it("sends the form back with the error linked to its field, without JavaScript", async () => {
    await noScript.goto(`${server.baseUrl}/admin/resultats`);
    await noScript.getByLabel("Période").selectOption("dates");
    await noScript.getByLabel("Du", { exact: true }).fill("2026-01-10");
    await noScript.getByLabel("Au", { exact: true }).fill("2026-01-01");
    await noScript.getByRole("button", { name: "Préparer le brouillon" }).click();
    await noScript.waitForLoadState();
    assert.match(await noScript.title(), /^Erreur : /);
    const link = noScript.locator('.error-summary a[href="#resultats-au"]');
    assert.equal(
      (await link.textContent())?.trim(),
      "La date de fin doit être le même jour ou après la date de début.",
    );
    const html = await noScript.content();
    await page.goto(`${server.baseUrl}/admin/resultats`);
    await page.setContent(html, { waitUntil: "load" });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });
});
