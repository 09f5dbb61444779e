/**
 * The editors' and administrators' back-office pages in real Chromium: zero axe violations (WCAG 2.1 A/AA)
 * on the dashboard, the content forms (with and without errors), the delete confirmation, and the accounts
 * and teams administration.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { anAgent } from "../factories/an-agent.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

describe("editors' and administrators' back office in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  let agentId = "";
  let faqId = "";

  before(async () => {
    server = await startSiteServer();
    const admin = await anAgent(server.database.db, {
      organisationId: server.deps.organisation.id,
      roles: ["admin", "editor", "agent"],
    });
    agentId = admin.id;
    const faq = await server.database.db
      .selectFrom("local_items")
      .select("id")
      .where("kind", "=", "faq")
      .executeTakeFirstOrThrow();
    faqId = faq.id;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${server.baseUrl}/admin/connexion`);
    await page.getByLabel("Adresse électronique").fill(admin.email);
    await page.getByLabel("Mot de passe").fill(admin.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${server.baseUrl}/admin`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages: [string, () => string][] = [
    ["tableau de bord", () => "/admin"],
    ["nouvelle question fréquente", () => "/admin/faq/nouveau"],
    ["modifier une question fréquente", () => `/admin/faq/${faqId}`],
    ["confirmer une suppression", () => `/admin/faq/${faqId}/suppression`],
    ["nouvelle actualité", () => "/admin/actualites/nouveau"],
    ["nouvelle démarche locale", () => "/admin/demarches/nouveau"],
    ["comptes", () => "/admin/agents"],
    ["un compte", () => `/admin/agents/${agentId}`],
    ["équipes", () => "/admin/equipes"],
  ];
  for (const [label, path] of pages) {
    it(`has no axe violation: ${label}`, async () => {
      const response = await page.goto(server.baseUrl + path());
      assert.equal(response?.status(), 200, `HTTP status of ${path()}`);
      assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });
  }

  it("has no axe violation on a content form sent back with errors, and focuses the error summary", async () => {
    await page.goto(`${server.baseUrl}/admin/faq/nouveau`);
    await page.locator("form button[type=submit]").last().click();
    await page.waitForLoadState();
    assert.match((await page.content()) ?? "", /error-summary|Corrigez|erreur/i);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });
});
