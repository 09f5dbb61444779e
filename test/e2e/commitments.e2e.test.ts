/**
 * Service commitments in real Chromium: the administration page (empty, filled, sent back with an
 * error), the edit page, and the inbox and case page showing the SLA clock — zero axe violations.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { listCommitments } from "../../src/domains/commitments/index.ts";
import { systemClock } from "../../src/shared/clock.ts";
import { aCase } from "../factories/a-case.ts";
import { anAgent } from "../factories/an-agent.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

describe("service commitments in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  let commitmentId = "";
  let reference = "";

  before(async () => {
    server = await startSiteServer();
    const organisationId = server.deps.organisation.id;
    const admin = await anAgent(server.database.db, { organisationId, roles: ["admin", "agent"] });
    // The demo seed gives the site its two commitments; the e-mail one applies to an e-mail case.
    const commitments = await listCommitments(server.database.db, { organisationId });
    commitmentId = commitments.find((c) => c.channel === "email")?.id ?? "";
    assert.notEqual(commitmentId, "");
    reference = (await aCase(server.database.db, { organisationId, channel: "email", clock: systemClock }))
      .reference;
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
    ["engagements de service", () => "/admin/engagements"],
    ["modifier un engagement", () => `/admin/engagements/${commitmentId}`],
    ["boîte de réception avec délais", () => "/admin/demandes"],
    ["demande avec échéance", () => `/admin/demandes/${reference}`],
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

  it("shows the time left in the inbox and the commitment on the case page", async () => {
    await page.goto(`${server.baseUrl}/admin/demandes`);
    assert.match(
      (await page.locator("table.desk-inbox").textContent()) ?? "",
      /reste \d+ (jours? ouvrés?|h ouvrées?)/,
    );
    await page.goto(`${server.baseUrl}/admin/demandes/${reference}`);
    assert.match(
      (await page.locator(".desk-case-info").textContent()) ?? "",
      /Réponse aux courriels sous 5 jours ouvrés/,
    );
  });

  it("has no axe violation on the hours form sent back with an error, and links the error to its field", async () => {
    await page.goto(`${server.baseUrl}/admin/engagements`);
    await page.getByLabel("Mardi, matin : ouverture").fill("11:00");
    await page.getByLabel("Mardi, matin : fermeture").fill("10:00");
    await page.getByRole("button", { name: "Enregistrer les horaires" }).click();
    await page.waitForLoadState();
    assert.match(await page.title(), /^Erreur : /);
    const link = page.locator('.error-summary a[href="#horaire-2-0-fermeture"]');
    assert.equal((await link.textContent())?.trim(), "L'heure de fermeture doit suivre l'heure d'ouverture.");
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });
});
