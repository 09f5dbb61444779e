/**
 * The managers' feedback analysis in real Chromium: zero axe violations (WCAG 2.1 A/AA) on the analysis
 * (with figures, emerging topics and every table), the form sent back with an error, and the drill-down.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { anAgent } from "../factories/an-agent.ts";
import { anAnalysedAnswer, anAnalysisQuestionnaire } from "../factories/an-analysed-answer.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();
const DAY = 86_400_000;

describe("feedback analysis in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startSiteServer();
    const organisationId = server.deps.organisation.id;
    const questionnaireId = await anAnalysisQuestionnaire(server.database.db, { organisationId });
    const now = Date.now();
    const channels = ["web", "email", "chat", "phone", "counter"] as const;
    for (let i = 0; i < 40; i++) {
      await anAnalysedAnswer(server.database.db, {
        organisationId,
        questionnaireId,
        submittedAt: new Date(now - (i % 28) * DAY - 3_600_000),
        channel: channels[i % 5],
        topic: i % 3 === 0 ? null : `F13${40 + (i % 4)}`,
        satisfaction: ([10, 5, 0, 10] as const)[i % 4],
        clarity: 1 + (i % 5),
        autonomous: i % 3 === 0,
        helpTried: i % 3 === 0 ? null : 2,
        helpReached: i % 3 === 0 ? null : 1,
        helpQuality: i % 3 === 0 ? null : 3,
        nps: i % 11,
        verbatim: i % 2 === 0 ? "Accueil aimable mais délais trop longs." : null,
      });
    }
    // An emerging topic (the demo seed has one too): comments about the phone in the last days.
    for (let i = 0; i < 6; i++) {
      await anAnalysedAnswer(server.database.db, {
        organisationId,
        questionnaireId,
        submittedAt: new Date(now - (i % 3) * DAY - 3_600_000),
        channel: "phone",
        satisfaction: 0,
        verbatim: "Impossible de joindre le standard par téléphone.",
      });
    }
    const admin = await anAgent(server.database.db, { organisationId, roles: ["admin"] });
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

  async function expectNoViolation(status: number) {
    assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    return status;
  }

  it("has no axe violation on the analysis with figures, and shows the emerging topic", async () => {
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole("link", { name: "Analyse des avis" }).click();
    await page.waitForLoadState();
    assert.match(
      (await page.locator("#emergents-titre + p + div table").textContent()) ?? "",
      /Téléphone et joignabilité/,
    );
    await expectNoViolation(200);
  });

  it("has no axe violation on the form sent back with an error, linked to its field", async () => {
    const response = await page.goto(`${server.baseUrl}/admin/avis/analyse?du=2026-02-30`);
    assert.equal(response?.status(), 400);
    assert.equal(
      await page.getByLabel("Du").getAttribute("aria-describedby"),
      "analyse-du-aide analyse-du-erreur",
    );
    await expectNoViolation(400);
  });

  it("drills down from an emerging topic to its comments without axe violation", async () => {
    await page.goto(`${server.baseUrl}/admin/avis/analyse`);
    await page.getByRole("link", { name: "Lire les commentaires : Téléphone et joignabilité" }).click();
    await page.waitForLoadState();
    assert.equal(await page.locator("h1").textContent(), "Commentaires : Téléphone et joignabilité");
    // The demo seed adds its own burst of phone complaints: a full first page.
    assert.equal(await page.locator("ol.verbatims > li").count(), 20);
    await expectNoViolation(200);
  });
});
