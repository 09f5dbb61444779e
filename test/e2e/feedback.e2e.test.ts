/**
 * "Je donne mon avis" in real Chromium: the questionnaire (empty, with the JDMA per-channel questions
 * revealed, with errors), the kiosk, the QR code page and the thanks pass axe (WCAG 2.1 A/AA) with zero
 * violations, and the questionnaire works without JavaScript.
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

describe("feedback pages in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  /** A second tab with JavaScript switched off (axe needs scripts, so it runs in the first). */
  let noScript: Page;

  before(async () => {
    server = await startSiteServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    page.setDefaultTimeout(10_000);
    noScript.setDefaultTimeout(10_000);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has no axe violation: /avis, and reveals the per-channel questions without script", async () => {
    const response = await page.goto(`${server.baseUrl}/avis?canal=web&demarche=F1341`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator("script").count(), 0, "the questionnaire carries no script");
    const reached = page.locator("#aide_administration-telephone-joint-oui");
    assert.equal(await reached.isVisible(), false, "hidden until the channel is ticked");
    assert.equal(await page.locator("#contact").isVisible(), false, "e-mail hidden until asked for");
    await assertNoViolation(page);
    await page.getByLabel("Par téléphone avec l'administration").check();
    await page.getByLabel("Je souhaite être recontacté").check();
    assert.equal(await reached.isVisible(), true);
    assert.equal(await page.locator("#contact").isVisible(), true);
    await assertNoViolation(page);
  });

  it("has no axe violation: errors, summary linked to the questions, typed text kept", async () => {
    await page.goto(`${server.baseUrl}/avis`);
    await page.getByLabel("4", { exact: true }).check();
    await page.getByLabel("Souhaitez-vous nous en dire plus ?").fill("Accueil agréable.");
    await page.getByRole("button", { name: "Envoyer mon avis" }).click();
    await page.waitForSelector(".error-summary");
    assert.match((await page.locator(".error-summary").textContent()) ?? "", /Répondez à la question/);
    assert.equal(
      await page.getByLabel("Souhaitez-vous nous en dire plus ?").inputValue(),
      "Accueil agréable.",
    );
    assert.equal(await page.getByLabel("4", { exact: true }).isChecked(), true);
    await assertNoViolation(page);
  });

  it("has no axe violation: thanks, after an answer sent without JavaScript", async () => {
    await noScript.goto(`${server.baseUrl}/avis`);
    await noScript.getByLabel("Par e-mail avec l'administration").check();
    await noScript.locator("#aide_administration-email-joint-oui").check();
    await noScript.getByLabel("Très bien").check();
    await noScript.getByRole("button", { name: "Envoyer mon avis" }).click();
    await noScript.waitForSelector("text=Merci pour votre avis");
    assert.match(noScript.url(), /\/avis\/merci$/);
    const row = await server.database.db
      .selectFrom("feedback_answers")
      .select(["satisfaction", "help_reached"])
      .orderBy("submitted_at", "desc")
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.satisfaction, row.help_reached], [10, 1]);
    await page.goto(noScript.url());
    await assertNoViolation(page);
  });

  it("has no axe violation: the kiosk and its thanks", async () => {
    await page.goto(`${server.baseUrl}/avis/borne`);
    await assertNoViolation(page);
    const box = await page.locator("#satisfaction-moyen").boundingBox();
    assert.ok(box && box.width >= 32 && box.height >= 32, `large touch targets (${JSON.stringify(box)})`);
    await page.getByLabel("Moyen").check();
    await page.getByRole("button", { name: "Envoyer mon avis" }).click();
    await page.waitForSelector("text=Donner un nouvel avis");
    await assertNoViolation(page);
    await page.getByRole("link", { name: "Donner un nouvel avis" }).click();
    assert.equal(await page.getByLabel("Moyen").isChecked(), false, "an empty form for the next person");
  });

  it("has no axe violation: printable QR code", async () => {
    const response = await page.goto(`${server.baseUrl}/avis/qr?canal=counter&demarche=F1341`);
    assert.equal(response?.status(), 200);
    const size = await page.locator("img.qr-code").evaluate((img) => (img as HTMLImageElement).naturalWidth);
    assert.ok(size > 0, "the SVG QR code renders");
    await assertNoViolation(page);
  });

  it("has no axe violation: the embeddable button's page", async () => {
    await page.goto(`${server.baseUrl}/avis/integrer`);
    await assertNoViolation(page);
  });
});
