/**
 * The editors' and administrators' back-office pages in real Chromium: zero axe violations (WCAG 2.1 A/AA)
 * on the dashboard, the content forms (with and without errors), the delete confirmation, and the accounts
 * and teams administration.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { createApiKey } from "../../src/domains/identity/api-keys/index.ts";
import { systemClock } from "../../src/shared/clock.ts";
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
  let apiKeyId = "";

  before(async () => {
    server = await startSiteServer();
    const admin = await anAgent(server.database.db, {
      organisationId: server.deps.organisation.id,
      roles: ["admin", "editor", "agent"],
    });
    agentId = admin.id;
    await server.database.db
      .updateTable("agents")
      .set({ oidc_issuer: "https://proconnect.example", oidc_subject: "sujet-e2e" })
      .where("id", "=", admin.id)
      .execute();
    const faq = await server.database.db
      .selectFrom("local_items")
      .select("id")
      .where("kind", "=", "faq")
      .executeTakeFirstOrThrow();
    faqId = faq.id;
    apiKeyId = (
      await createApiKey(server.database.db, {
        organisationId: server.deps.organisation.id,
        name: "Portail famille",
        clock: systemClock,
      })
    ).id;
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
    ["clés d'API", () => "/admin/cles-api"],
    ["révoquer une clé d'API", () => `/admin/cles-api/${apiKeyId}/revocation`],
    ["dissocier l'identité d'un compte", () => `/admin/agents/${agentId}/dissociation-oidc`],
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
  it("creates an API key: the page showing the secret once has no axe violation", async () => {
    await page.goto(`${server.baseUrl}/admin/cles-api`);
    await page.getByLabel("Nom du logiciel qui utilisera la clé").fill("Application de signalement");
    await page.getByRole("button", { name: "Créer la clé" }).click();
    await page.waitForLoadState();
    assert.match(await page.getByLabel("Clé d'API").inputValue(), /^gk_[A-Za-z0-9_-]{43}$/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });

  it("has no axe violation on the API key form sent back with an error", async () => {
    await page.goto(`${server.baseUrl}/admin/cles-api`);
    // Blanks pass the browser's "required" check; the server refuses them.
    await page.getByLabel("Nom du logiciel qui utilisera la clé").fill("   ");
    await page.getByRole("button", { name: "Créer la clé" }).click();
    await page.waitForLoadState();
    assert.match(await page.title(), /^Erreur : /);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });
});
