/**
 * The assistant in real Chromium: the /assistant page with JavaScript off, and the widget embedded on
 * a town's site served from another origin — keyboard, answers with sources, clarification, vote,
 * hand-off, an agent's reply arriving live, resume after reload, axe with the panel open.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { replyToCase } from "../../src/domains/cases/index.ts";
import { ensureStandardQuestionnaires } from "../../src/domains/feedback/index.ts";
import { anAgent } from "../factories/an-agent.ts";
import { axeViolations, chromiumMissing, launchBrowser } from "./browser.ts";
import { E2E_FICHES, type SiteServer, startSiteServer } from "./site-server.ts";

const skip = chromiumMissing();
const EXTRA_FICHES = ["N367", "N360", "F1050", "F14929", "F14930", "F21091", "F1373"].filter(
  (id) => !E2E_FICHES.includes(id),
);

/** The town's own site: its styles try hard to leak into the widget. */
function hostPage(guichetUrl: string, options: { inline: boolean }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mairie de Démo — site de la ville</title>
<style>
  body { font-family: Georgia, serif; font-size: 22px; color: #5c0a0a; line-height: 1; }
  button { background: #ffd1dc; color: #000; border: 0; }
  p { letter-spacing: 3px; }
</style>
</head>
<body>
<header><p>Ville de Démo</p></header>
<main>
<h1>Bienvenue sur le site de la ville</h1>
<p>Horaires de la mairie : du lundi au vendredi.</p>
<p><a href="#agenda">Agenda</a> <button type="button" id="bouton-hote">Bouton du site</button></p>
${options.inline ? "<h2>Une question ?</h2>\n<guichet-assistant></guichet-assistant>" : ""}
</main>
<script src="${guichetUrl}/widget.js" defer></script>
</body>
</html>`;
}

/** What is focused, through the widget's shadow root. */
async function focused(page: Page): Promise<{ tag: string; id: string; text: string } | null> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element
      ? { tag: element.tagName.toLowerCase(), id: element.id, text: element.textContent?.trim() ?? "" }
      : null;
  });
}

describe("assistant in Chromium", { skip }, () => {
  let server: SiteServer;
  let browser: Browser;
  let host: http.Server;
  let hostOrigin: string;

  /**
   * axe cannot run in a page with JavaScript off: the same HTML is checked in a page with it on, at
   * the same address (the /assistant page has no script, so both render alike).
   */
  async function axeOfScriptlessPage(page: Page) {
    const html = await page.content();
    const context = await browser.newContext();
    try {
      const checker = await context.newPage();
      await checker.goto(`${server.baseUrl}/assistant`);
      await checker.setContent(html, { waitUntil: "load" });
      return await axeViolations(checker);
    } finally {
      await context.close();
    }
  }

  before(async () => {
    let guichetUrl = "";
    host = http.createServer((request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(hostPage(guichetUrl, { inline: request.url === "/aide" }));
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    server = await startSiteServer(EXTRA_FICHES, { env: { ASSISTANT_ALLOWED_ORIGINS: hostOrigin } });
    guichetUrl = server.baseUrl;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    host?.close();
  });

  it("works without JavaScript on /assistant: ask, choose, vote, errors, new conversation — axe clean", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      const first = await page.goto(`${server.baseUrl}/assistant`);
      assert.equal(first?.status(), 200);
      assert.deepEqual(await axeOfScriptlessPage(page), []);
      assert.deepEqual(await context.cookies(), [], "no cookie before the citizen writes");

      await page.getByLabel("Votre question").fill("Comment s'inscrire sur les listes électorales ?");
      await page.getByRole("button", { name: "Envoyer" }).click();
      await page.waitForURL(/\/assistant#m-/);
      const source = page.locator(".chat-sources a").first();
      assert.match((await source.getAttribute("href")) ?? "", /\/fiches\/F1367$/);
      assert.match((await page.locator(".chat-sources li").first().textContent()) ?? "", /mis à jour le \d/);
      const [cookie] = await context.cookies();
      assert.equal(cookie?.name, "guichet_conversation");
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, "Lax");
      assert.equal(cookie?.path, "/assistant");
      assert.deepEqual(await axeOfScriptlessPage(page), []);

      await page
        .getByRole("group", { name: "Cette réponse vous a-t-elle aidé ?" })
        .getByRole("button", { name: "Oui" })
        .click();
      await page.getByText("Votre avis : cette réponse vous a aidé.").waitFor();

      await page.getByLabel("Votre message").fill("carte");
      await page.getByRole("button", { name: "Envoyer" }).click();
      await page.waitForURL(/\/assistant#m-/);
      const choices = page.getByRole("group", { name: "Choisissez ce qui correspond à votre question :" });
      await choices.getByRole("button", { name: "Carte d'identité" }).click();
      await page.getByRole("button", { name: /majeur : première demande/i }).waitFor();
      assert.equal(await page.getByRole("button", { name: "Carte d'identité", exact: true }).count(), 0);
      assert.deepEqual(await axeOfScriptlessPage(page), []);

      await page.getByRole("button", { name: "Envoyer" }).click();
      assert.match(
        (await page.getByRole("alert").textContent()) ?? "",
        /Écrivez votre question avant de l'envoyer\./,
      );
      assert.match(await page.title(), /^Erreur : /);
      assert.deepEqual(await axeOfScriptlessPage(page), []);

      await page.getByRole("button", { name: "Nouvelle conversation" }).click();
      await page.waitForURL(`${server.baseUrl}/assistant`);
      assert.equal(await page.locator(".chat-transcript").count(), 0);
      assert.deepEqual(await context.cookies(), []);
    } finally {
      await context.close();
    }
  });

  it("embeds on another site: keyboard, answer with source, clarification, vote, hand-off, live agent reply", async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    try {
      await page.goto(`${hostOrigin}/`);
      const widget = page.locator("guichet-assistant");
      const launcher = widget.getByRole("button", { name: "Poser une question" });
      await launcher.waitFor();
      assert.equal(await widget.getAttribute("mode"), "launcher");

      // Keyboard only: Tab to the launcher, Enter opens the panel with the focus in the field.
      let onLauncher = false;
      for (let i = 0; i < 10 && !onLauncher; i++) {
        await page.keyboard.press("Tab");
        onLauncher = (await focused(page))?.text === "Poser une question";
      }
      assert.ok(onLauncher, "the launcher is reachable with Tab");
      await page.keyboard.press("Enter");
      const panel = widget.getByRole("dialog", { name: "Assistant en ligne" });
      await panel.waitFor();
      assert.equal(await panel.getAttribute("aria-modal"), "false");
      assert.equal(await launcher.getAttribute("aria-expanded"), "true");
      assert.equal((await focused(page))?.id, "ga-field");

      // The town's styles stay outside, the widget's inside.
      const styles = await panel.evaluate((element) => {
        const send = element.querySelector(".ga-send") as Element;
        return {
          color: getComputedStyle(element).color,
          font: getComputedStyle(element).fontFamily,
          send: getComputedStyle(send).backgroundColor,
          hostButton: getComputedStyle(document.getElementById("bouton-hote") as Element).backgroundColor,
        };
      });
      assert.equal(styles.color, "rgb(27, 27, 27)");
      assert.doesNotMatch(styles.font, /Georgia/);
      assert.equal(styles.send, "rgb(29, 79, 145)");
      assert.equal(styles.hostButton, "rgb(255, 209, 220)");

      // A question: Enter sends, the answer cites its source with its date.
      await page.keyboard.type("Comment s'inscrire sur les listes électorales ?");
      await page.keyboard.press("Enter");
      const answer = panel.locator(".ga-from-assistant").last();
      await answer.locator(".ga-sources a").waitFor();
      assert.match((await answer.locator(".ga-sources a").getAttribute("href")) ?? "", /\/fiches\/F1367$/);
      assert.match((await answer.locator(".ga-sources li").textContent()) ?? "", /mis à jour le \d/);
      assert.equal(await panel.locator(".ga-messages").getAttribute("aria-live"), "polite");
      assert.equal(await panel.getByLabel("Votre message").inputValue(), "", "the field is emptied");

      // Shift+Enter adds a line instead of sending.
      await page.keyboard.type("carte");
      await page.keyboard.press("Shift+Enter");
      assert.equal(await panel.getByLabel("Votre message").inputValue(), "carte\n");
      await page.keyboard.press("Backspace");

      // Vote, then a clarification answered by a choice button.
      await panel
        .getByRole("group", { name: "Cette réponse vous a-t-elle aidé ?" })
        .getByRole("button", { name: "Oui" })
        .click();
      await panel.locator(".ga-from-assistant").nth(1).waitFor();
      assert.equal(await panel.getByRole("button", { name: "Oui" }).count(), 0);
      assert.equal((await focused(page))?.id, "ga-field", "focus back in the field after the vote");
      await page.keyboard.press("Enter");
      const clarify = panel.getByRole("list", { name: "Choix proposés" });
      await clarify.getByRole("button", { name: "Carte d'identité" }).click();
      await panel.getByRole("button", { name: /majeur : première demande/i }).waitFor();
      assert.equal(await panel.getByRole("button", { name: "Carte d'identité", exact: true }).count(), 0);

      // A reload resumes the conversation, panel open.
      const before = await panel.locator(".ga-msg").count();
      await page.reload();
      await panel
        .locator(".ga-msg")
        .nth(before - 1)
        .waitFor();
      assert.equal(await panel.locator(".ga-msg").count(), before);

      // Hand-off: the button, an e-mail address, the reference.
      await panel.getByRole("button", { name: "Parler à un agent" }).click();
      await panel
        .locator(".ga-msg")
        .nth(before + 1)
        .waitFor();
      await panel.getByLabel("Votre message").fill("jeanne.martin@example.org");
      // Once the stream's headers arrive, the server has read the thread: a later reply is pushed.
      const streamOpened = page.waitForResponse((response) => response.url().endsWith("/events"));
      await panel.getByLabel("Votre message").press("Enter");
      const reference = panel.locator(".ga-case strong");
      await reference.waitFor();
      const caseReference = (await reference.textContent()) ?? "";
      assert.match(caseReference, /^GU-\d{4}-\d{6}$/);
      assert.equal(await panel.getByRole("button", { name: "Parler à un agent" }).count(), 0);

      // An agent answers from the back office: the reply appears without reload.
      const caseRow = await server.database.db
        .selectFrom("cases")
        .select("id")
        .where("reference", "=", caseReference)
        .executeTakeFirstOrThrow();
      const agent = await anAgent(server.database.db, {
        organisationId: server.deps.organisation.id,
        roles: ["agent"],
      });
      assert.equal((await streamOpened).status(), 200);
      await replyToCase(server.database.db, {
        organisationId: server.deps.organisation.id,
        caseId: caseRow.id,
        actor: { agentId: agent.id },
        body: "Bonjour, je m'occupe de votre demande.",
        publicUrl: server.baseUrl,
        clock: server.deps.clock,
      });
      await panel.locator(".ga-from-agent").getByText("Bonjour, je m'occupe de votre demande.").waitFor();

      // The end-of-chat questionnaire: a note and a comment, thanks, one answer stored for the chat.
      await ensureStandardQuestionnaires(server.database.db, {
        organisationId: server.deps.organisation.id,
        clock: server.deps.clock,
      });
      await panel.getByRole("button", { name: "Donner mon avis" }).click();
      const rating = panel.getByRole("group", { name: "Votre avis sur cet échange" });
      await rating.getByLabel("5 – Très satisfait").check();
      await panel.getByLabel("Commentaire (facultatif)").fill("Réponse rapide, merci.");
      assert.deepEqual(await axeViolations(page), []);
      await panel.getByRole("button", { name: "Envoyer mon avis" }).click();
      await panel.getByText("Merci pour votre avis.").waitFor();
      const rated = await server.database.db
        .selectFrom("feedback_answers")
        .select(["channel", "csat"])
        .where("verbatim", "=", "Réponse rapide, merci.")
        .execute();
      assert.deepEqual(rated, [{ channel: "chat", csat: 5 }]);

      // axe on the town's page with the panel open, shadow root included.
      assert.deepEqual(await axeViolations(page), []);

      // Escape closes, the focus returns to the launcher.
      await panel.getByLabel("Votre message").focus();
      await page.keyboard.press("Escape");
      await panel.waitFor({ state: "hidden" });
      assert.equal((await focused(page))?.text, "Poser une question");
      assert.equal(await launcher.getAttribute("aria-expanded"), "false");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("fits a 320 px wide window and does not animate when motion is reduced", async () => {
    const context = await browser.newContext({
      viewport: { width: 320, height: 480 },
      reducedMotion: "reduce",
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await page.goto(`${hostOrigin}/`);
      const widget = page.locator("guichet-assistant");
      await widget.getByRole("button", { name: "Poser une question" }).click();
      const panel = widget.getByRole("dialog", { name: "Assistant en ligne" });
      await panel.waitFor();
      const layout = await panel.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return {
          left: box.left,
          right: box.right,
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
          animation: getComputedStyle(element).animationName,
        };
      });
      assert.ok(layout.left >= 0 && layout.right <= 320, JSON.stringify(layout));
      assert.ok(layout.scrollWidth <= layout.clientWidth, "no horizontal scrolling");
      assert.equal(layout.animation, "none");
      await panel.getByLabel("Votre message").fill("bonjour");
      await panel.getByRole("button", { name: "Envoyer" }).click();
      await panel.locator(".ga-from-assistant").waitFor();
      assert.ok(await panel.getByRole("button", { name: "Fermer l'assistant" }).isVisible());
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });

  it("shows the chat inline where a page places <guichet-assistant>, without a launcher", async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await page.goto(`${hostOrigin}/aide`);
      const widget = page.locator("guichet-assistant");
      const region = widget.getByRole("region", { name: "Assistant en ligne" });
      await region.waitFor();
      assert.equal(await page.locator("guichet-assistant").count(), 1, "no launcher added");
      assert.equal(await widget.getByRole("button", { name: "Poser une question" }).count(), 0);
      await region.getByLabel("Votre message").fill("Première demande de passeport pour un majeur");
      await region.getByLabel("Votre message").press("Enter");
      await region.locator(".ga-from-assistant .ga-sources a").waitFor();
      assert.match((await region.locator(".ga-sources a").getAttribute("href")) ?? "", /\/fiches\/F14929$/);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
});
