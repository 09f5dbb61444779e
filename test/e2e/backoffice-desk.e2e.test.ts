/**
 * The agents' desk in real Chromium, signed in through the login form with the demo agent: zero axe
 * violations (WCAG 2.1 A/AA) on the inbox, a case page and the desk forms; the live notice appears
 * without reload and leaves the focus where it was; a template fills the reply box.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEMO_AGENT } from "../../src/demo/seed-cases.ts";
import { addCitizenMessage, openCase } from "../../src/domains/cases/index.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

describe("agents' desk in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  let caseUrl: string;

  before(async () => {
    server = await startSiteServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${server.baseUrl}/admin/connexion`);
    await page.getByLabel("Adresse électronique").fill(DEMO_AGENT.email);
    await page.getByLabel("Mot de passe").fill(DEMO_AGENT.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${server.baseUrl}/admin`);
    await page.getByRole("link", { name: "Demandes", exact: true }).click();
    await page.waitForURL(/\/admin\/demandes$/);
    caseUrl = (await page.locator("table.desk-inbox tbody th a").first().getAttribute("href")) ?? "";
    assert.match(caseUrl, /^\/admin\/demandes\/GU-/);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages: [string, () => string][] = [
    ["boîte de réception", () => "/admin/demandes"],
    ["boîte filtrée sans résultat", () => "/admin/demandes?q=zeppelin&en_retard=1&non_affectees=1"],
    ["page d'une demande", () => caseUrl],
    ["nouvelle demande (téléphone, accueil)", () => "/admin/demandes/nouvelle"],
    ["modèles de réponse", () => "/admin/modeles-de-reponse"],
    ["courriels non traités", () => "/admin/courriels-refuses"],
  ];
  for (const [label, path] of pages) {
    it(`has no axe violation: ${label}`, async () => {
      const response = await page.goto(server.baseUrl + path());
      assert.equal(response?.status(), 200);
      assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });
  }

  it("has no axe violation on a reply form sent back with an error", async () => {
    await page.goto(server.baseUrl + caseUrl);
    await page.getByRole("button", { name: "Envoyer la réponse" }).click();
    await page.waitForLoadState();
    assert.match(await page.title(), /^Erreur : /);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });

  it("sends back a refused document next to its field, text kept, with no axe violation; then sends it", async () => {
    await page.goto(server.baseUrl + caseUrl);
    const text = "Voici le formulaire à remplir et à nous renvoyer.";
    await page.getByLabel("Réponse à l'usager").fill(text);
    await page.getByLabel("Documents joints (facultatif)").setInputFiles({
      name: "formulaire.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(64)]),
    });
    await page.getByRole("button", { name: "Envoyer la réponse" }).click();
    await page.waitForLoadState();
    assert.match(await page.title(), /^Erreur : /);
    assert.equal(await page.getByLabel("Réponse à l'usager").inputValue(), text, "the typed text is kept");
    const summaryLink = page.locator(".error-summary a");
    assert.equal(await summaryLink.getAttribute("href"), "#reponse-documents");
    assert.match((await summaryLink.textContent()) ?? "", /n'est pas accepté/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

    await page.getByLabel("Documents joints (facultatif)").setInputFiles({
      name: "formulaire.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n%%EOF\n", "latin1"),
    });
    await page.getByRole("button", { name: "Envoyer la réponse" }).click();
    await page.waitForLoadState();
    await page
      .getByText("Réponse envoyée", { exact: false })
      .or(page.getByText("Réponse enregistrée"))
      .waitFor();
    assert.equal(await page.locator(".desk-attachments a", { hasText: "formulaire.pdf" }).count(), 1);
  });

  it("announces a new case in the inbox without reload and without moving the focus", async () => {
    await page.goto(`${server.baseUrl}/admin/demandes`);
    // The script marks the region once the server listens: nothing committed afterwards is missed.
    await page.locator('#desk-live-notice[data-etat="connecte"]').waitFor({ state: "attached" });
    await page.getByLabel("Rechercher").focus();
    await openCase(server.database.db, {
      organisationId: server.deps.organisation.id,
      channel: "web",
      subject: "Demande arrivée en direct",
      body: "Bonjour, une question.",
      contact: { email: "direct@exemple.invalid" },
      publicUrl: server.baseUrl,
      clock: server.deps.clock,
    });
    const notice = page.locator("#desk-live-notice");
    await notice.getByText("Nouvelle demande arrivée.").waitFor();
    assert.equal(await notice.getAttribute("aria-live"), "polite");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "filtre-q", "focus stays put");
    await page.getByRole("link", { name: "Actualiser la page" }).click();
    await page.getByText("Demande arrivée en direct").waitFor();
  });

  it("tells the open case page when the citizen writes, and fills the reply from a template", async () => {
    await page.goto(server.baseUrl + caseUrl);
    await page.locator('#desk-live-notice[data-etat="connecte"]').waitFor({ state: "attached" });
    const reference = decodeURIComponent(caseUrl.split("/").at(-1) ?? "");
    const row = await server.database.db
      .selectFrom("cases")
      .select("id")
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    await addCitizenMessage(server.database.db, {
      organisationId: server.deps.organisation.id,
      caseId: row.id,
      body: "Une précision de l'usager.",
      clock: server.deps.clock,
    });
    await page.locator("#desk-live-notice").getByText("Nouveau message sur cette demande.").waitFor();

    await page.getByLabel("Modèle de réponse").selectOption({ label: "Pièces manquantes" });
    assert.match(
      await page.getByLabel("Réponse à l'usager").inputValue(),
      /merci de nous transmettre les pièces/,
    );
  });
});
