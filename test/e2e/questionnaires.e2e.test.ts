/**
 * Questionnaire editing in real Chromium: the list, the new-questionnaire page, the edit page (also sent
 * back with errors) and an old version pass axe with zero violations; an admin creates, publishes and
 * archives a custom questionnaire with JavaScript switched off, and a citizen answers it in between.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { anAgent } from "../factories/an-agent.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();

async function assertNoViolation(page: Page): Promise<void> {
  assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
}

async function signIn(page: Page, baseUrl: string, agent: { email: string; password: string }) {
  await page.goto(`${baseUrl}/admin/connexion`);
  await page.getByLabel("Adresse électronique").fill(agent.email);
  await page.getByLabel("Mot de passe").fill(agent.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`${baseUrl}/admin`);
}

const CUSTOM = {
  v: 1,
  title: "Votre avis sur la médiathèque",
  sections: [
    {
      title: "Accueil",
      fields: [
        {
          type: "single_choice",
          id: "accueil",
          label: "Comment avez-vous été accueilli ?",
          required: true,
          options: [
            { value: "mal", label: "Mal" },
            { value: "bien", label: "Bien" },
          ],
        },
      ],
    },
  ],
};

describe("questionnaire editing in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  /** With scripts, for axe. */
  let page: Page;
  /** Without scripts: the admin's whole flow must work as plain forms. */
  let noScript: Page;
  let jdmaId = "";

  before(async () => {
    server = await startSiteServer();
    const organisationId = server.deps.organisation.id;
    const admin = await anAgent(server.database.db, { organisationId, roles: ["admin", "agent"] });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    page.setDefaultTimeout(10_000);
    noScript.setDefaultTimeout(10_000);
    await signIn(page, server.baseUrl, admin);
    await signIn(noScript, server.baseUrl, admin);
    const jdma = await server.database.db
      .selectFrom("questionnaires")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("slug", "=", "jdma")
      .executeTakeFirstOrThrow();
    jdmaId = jdma.id;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages: [string, () => string][] = [
    ["liste des questionnaires", () => "/admin/avis/questionnaires"],
    ["nouveau questionnaire", () => "/admin/avis/questionnaires/nouveau"],
    ["modifier le JDMA", () => `/admin/avis/questionnaires/${jdmaId}`],
    ["une version", () => `/admin/avis/questionnaires/${jdmaId}/versions/1`],
  ];
  for (const [label, path] of pages) {
    it(`has no axe violation: ${label}`, async () => {
      const response = await page.goto(server.baseUrl + path());
      assert.equal(response?.status(), 200, `HTTP status of ${path()}`);
      await assertNoViolation(page);
    });
  }

  it("has no axe violation on the edit page sent back with errors, each linked to the definition", async () => {
    await page.goto(`${server.baseUrl}/admin/avis/questionnaires/${jdmaId}`);
    await page.getByLabel("Définition du questionnaire (JSON)").fill('{"v": 1, "title": "", "sections": []}');
    await page.getByRole("button", { name: "Enregistrer la version 2" }).click();
    await page.waitForSelector(".error-summary");
    assert.match(await page.title(), /^Erreur : /);
    const links = page.locator('.error-summary a[href="#_definition"]');
    assert.equal(await links.count(), 2);
    assert.equal(
      (await links.first().textContent())?.trim(),
      "/title — « title » : le texte ne doit pas être vide.",
    );
    await assertNoViolation(page);
  });

  it("lets an admin create, publish and archive a custom questionnaire without JavaScript", async () => {
    const base = server.baseUrl;
    await noScript.goto(`${base}/admin/avis/questionnaires`);
    await noScript.getByRole("link", { name: "Créer un questionnaire" }).click();
    await noScript.getByLabel("Adresse du questionnaire").fill("mediatheque");
    await noScript.getByLabel("Définition du questionnaire (JSON)").fill(JSON.stringify(CUSTOM, null, 2));
    await noScript.getByRole("button", { name: "Créer le brouillon" }).click();
    await noScript.waitForSelector("text=Questionnaire créé en brouillon");
    assert.equal(
      await noScript.locator("h1").textContent(),
      "Questionnaire « Votre avis sur la médiathèque »",
    );
    await noScript.getByRole("button", { name: "Publier « Votre avis sur la médiathèque »" }).click();
    await noScript.waitForSelector("text=Questionnaire publié");

    const citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await citizen.goto(`${base}/avis/mediatheque`);
    await citizen.getByLabel("Bien", { exact: true }).check();
    await citizen.getByRole("button", { name: "Envoyer mon avis" }).click();
    await citizen.waitForURL(`${base}/avis/merci`);

    await noScript.getByRole("button", { name: "Archiver « Votre avis sur la médiathèque »" }).click();
    await noScript.waitForSelector("text=Questionnaire archivé");
    const closed = await citizen.goto(`${base}/avis/mediatheque`);
    assert.equal(closed?.status(), 404);
    assert.equal(await citizen.locator("h1").textContent(), "Ce questionnaire n'est plus ouvert");
    await citizen.context().close();

    await page.goto(`${base}/admin/avis/questionnaires`);
    const row = page.locator("tr", { hasText: "mediatheque" });
    assert.match((await row.textContent()) ?? "", /Archivé/);
    await assertNoViolation(page);
    const answers = await server.database.db
      .selectFrom("feedback_answers")
      .select(["kind", "questionnaire_version"])
      .where("kind", "=", "custom")
      .execute();
    assert.deepEqual(answers, [{ kind: "custom", questionnaire_version: 1 }]);
  });
});
