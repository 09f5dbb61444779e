/**
 * The needs dashboard and the conversations pages in real Chromium: zero axe violations (WCAG 2.1 AA)
 * on every page, no script on any of them, and — in a browser with JavaScript turned off — the period
 * form and the links from a figure to its conversations and to a transcript work by themselves. (axe
 * itself runs as a script, so it checks the same pages in a second, scripted browser context.)
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { changeCaseStatus } from "../../src/domains/cases/index.ts";
import { refreshActivityRollups } from "../../src/domains/commitments/index.ts";
import { fixedClock, systemClock } from "../../src/shared/clock.ts";
import { newId } from "../../src/shared/ids.ts";
import { aCase } from "../factories/a-case.ts";
import { anAgent } from "../factories/an-agent.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();
const HOUR = 3_600_000;

describe("needs dashboard in Chromium without JavaScript", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  let noScript: Page;
  let handle = "";

  before(async () => {
    server = await startSiteServer();
    const { db } = server.database;
    const organisationId = server.deps.organisation.id;
    const admin = await anAgent(db, { organisationId, roles: ["admin", "agent"] });
    const now = systemClock.now().getTime();
    // Two days ago: 12 requests about the ID card, moved "en cours" an hour later, and conversations.
    for (let i = 0; i < 12; i++) {
      const at = new Date(now - 2 * 24 * HOUR + i * 60_000);
      const opened = await aCase(db, { organisationId, topic: { ficheId: "F1342" }, clock: fixedClock(at) });
      await changeCaseStatus(db, {
        organisationId,
        caseId: opened.caseId,
        actor: { agentId: admin.id },
        status: "en_cours",
        clock: fixedClock(new Date(at.getTime() + HOUR)),
      });
    }
    for (let i = 0; i < 12; i++) {
      const id = randomBytes(18).toString("base64url");
      const at = new Date(now - 2 * 24 * HOUR + i * 60_000);
      await db
        .insertInto("conversations")
        .values({
          id,
          organisation_id: organisationId,
          channel: i % 2 === 0 ? "widget" : "web",
          state: JSON.stringify({ v: 1 }),
          outcome: i < 9 ? "answered" : "unanswered",
          helpful: i < 6 ? true : null,
          turns: 2,
          topic: i < 9 ? "F1342" : null,
          started_at: at,
          last_activity_at: at,
        })
        .execute();
      if (i === 0) {
        handle = createHash("md5").update(id).digest("hex");
        await db
          .insertInto("conversation_messages")
          .values([
            {
              id: newId(),
              organisation_id: organisationId,
              conversation_id: id,
              position: 1,
              author: "citizen",
              kind: "question",
              text: "Comment refaire ma carte d'identité ?",
              payload: JSON.stringify({}),
              created_at: at,
            },
            {
              id: newId(),
              organisation_id: organisationId,
              conversation_id: id,
              position: 2,
              author: "assistant",
              kind: "answer",
              text: "Faites une prédemande en ligne, puis prenez rendez-vous.",
              payload: JSON.stringify({
                sources: [{ id: "F1342", title: "Carte d'identité", url: "/fiches/F1342", date: null }],
              }),
              helpful: true,
              created_at: at,
            },
          ])
          .execute();
      }
    }
    await refreshActivityRollups(db, { organisationId, clock: systemClock });

    browser = await launchBrowser();
    const signIn = async (javaScriptEnabled: boolean) => {
      const tab = await (await browser.newContext({ javaScriptEnabled })).newPage();
      await tab.goto(`${server.baseUrl}/admin/connexion`);
      await tab.getByLabel("Adresse électronique").fill(admin.email);
      await tab.getByLabel("Mot de passe").fill(admin.password);
      await tab.getByRole("button", { name: "Se connecter" }).click();
      await tab.waitForURL(`${server.baseUrl}/admin`);
      return tab;
    };
    page = await signIn(true);
    noScript = await signIn(false);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages: [string, () => string][] = [
    ["tableau des besoins", () => "/admin/besoins"],
    ["tableau des besoins, un trimestre", () => "/admin/besoins?periode=trimestre"],
    ["tableau des besoins, période refusée", () => "/admin/besoins?periode=dates&du=2026-02-30"],
    ["liste des conversations", () => "/admin/conversations"],
    ["liste des conversations filtrée", () => "/admin/conversations?sujet=F1342&vote=oui&echange=1"],
    ["conversation", () => `/admin/conversations/${handle}`],
  ];
  for (const [label, path] of pages) {
    it(`has no axe violation: ${label}`, async () => {
      const response = await page.goto(server.baseUrl + path());
      assert.equal(response?.status(), path().includes("02-30") ? 400 : 200, `HTTP status of ${path()}`);
      assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
      assert.equal(await page.locator("script").count(), 0, "nothing needs JavaScript");
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    });
  }

  it("shows the figures with their charts and tables, and picks a month without JavaScript", async () => {
    await noScript.goto(`${server.baseUrl}/admin/besoins`);
    assert.equal(
      (await noScript.locator("svg[role=img]").count()) >= 2,
      true,
      "bar charts and the line chart",
    );
    // The demo seed's activity plus the 12 conversations above.
    const sample = /\((\d+) conversations\)/.exec(
      (await noScript.locator("#assistant-titre + p").textContent()) ?? "",
    );
    assert.ok(Number(sample?.[1]) >= 12, "the conversations with an answer are counted");
    assert.match((await noScript.locator("table.heat-map").first().textContent()) ?? "", /Lundi/);
    await noScript.getByLabel("Un mois").check();
    await noScript.getByLabel("Mois", { exact: true }).fill("2025-01");
    await noScript.getByRole("button", { name: "Afficher" }).click();
    await noScript.waitForLoadState();
    assert.match(noScript.url(), /periode=mois&mois=2025-01/);
    assert.match(
      (await noScript.locator("main").textContent()) ?? "",
      /Du 1 janvier 2025 au 31 janvier 2025|Du 1er janvier 2025/,
    );
  });

  it("follows a figure to the conversations it counts, then to one transcript", async () => {
    await noScript.goto(`${server.baseUrl}/admin/besoins`);
    const row = noScript.locator("tr", { has: noScript.getByRole("link", { name: "Réglées sans agent" }) });
    const counted = Number(/^(\d+) sur/.exec((await row.locator("td").nth(1).textContent()) ?? "")?.[1]);
    assert.ok(counted >= 6, "at least the 6 conversations marked helpful above");
    await noScript.getByRole("link", { name: "Réglées sans agent" }).first().click();
    await noScript.waitForLoadState();
    assert.equal(await noScript.locator("table.conversations-list tbody tr").count(), Math.min(counted, 25));
    await noScript.locator("table.conversations-list tbody tr th a").first().click();
    await noScript.waitForLoadState();
    assert.match((await noScript.locator("h1").textContent()) ?? "", /^Conversation du /);
  });
});
