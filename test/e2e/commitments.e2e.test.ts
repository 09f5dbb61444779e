/**
 * Service commitments in real Chromium: the administration page (filled, sent back with an error), the
 * edit pages (a commitment on requests, the calls commitment), a commitment per procedure, and the inbox
 * and case page showing the SLA clock — zero axe violations.
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
  let callsId = "";
  let birthId = "";
  let reference = "";
  let birthReference = "";

  before(async () => {
    server = await startSiteServer();
    const organisationId = server.deps.organisation.id;
    const admin = await anAgent(server.database.db, { organisationId, roles: ["admin", "agent"] });
    // The demo seed gives the site its commitments; the e-mail one applies to an e-mail case, the birth
    // certificate one to a request about its fiche.
    const commitments = await listCommitments(server.database.db, { organisationId });
    commitmentId = commitments.find((c) => c.channel === "email")?.id ?? "";
    callsId = commitments.find((c) => c.measure === "agent_answer")?.id ?? "";
    birthId = commitments.find((c) => c.topic === "F1427")?.id ?? "";
    assert.ok(commitmentId && callsId && birthId, "the demo's commitments");
    reference = (await aCase(server.database.db, { organisationId, channel: "email", clock: systemClock }))
      .reference;
    birthReference = (
      await aCase(server.database.db, {
        organisationId,
        channel: "email",
        topic: { ficheId: "F1427" },
        clock: systemClock,
      })
    ).reference;
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
    ["modifier l'engagement sur les appels", () => `/admin/engagements/${callsId}`],
    ["modifier un engagement par démarche", () => `/admin/engagements/${birthId}`],
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

  it("lists the procedure by its title, and a request about it gets that commitment", async () => {
    await page.goto(`${server.baseUrl}/admin/engagements`);
    const row = page.locator("tr", { hasText: "Acte de naissance : réponse sous 3 jours ouvrés" });
    assert.match((await row.textContent()) ?? "", /Acte de naissance.*\(F1427\)/);
    await page.goto(`${server.baseUrl}/admin/demandes/${birthReference}`);
    assert.match(
      (await page.locator(".desk-case-info").textContent()) ?? "",
      /Acte de naissance : réponse sous 3 jours ouvrés/,
    );
  });

  it("has no axe violation on the commitment form sent back with an unknown fiche, and links the error to its field", async () => {
    await page.goto(`${server.baseUrl}/admin/engagements`);
    await page.getByLabel("Engagement, tel qu'annoncé aux usagers").fill("Passeport sous 5 jours ouvrés");
    await page.getByLabel("Ou fiche service-public.fr").fill("F99999");
    await page.getByLabel("Nombre de jours ou d'heures ouvrés").fill("5");
    await page.getByRole("button", { name: "Ajouter l'engagement" }).click();
    await page.waitForLoadState();
    assert.match(await page.title(), /^Erreur : /);
    const link = page.locator('.error-summary a[href="#engagement-fiche"]');
    assert.equal(
      (await link.textContent())?.trim(),
      "La fiche F99999 ne figure pas parmi les fiches service-public.fr importées : vérifiez son numéro.",
    );
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
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
