/**
 * The browser voicebot in real Chromium with a fake microphone that says a question (espeak-ng): the
 * widget on a town's site and the /assistant page record it, the local speech-to-text stand-in returns
 * the transcript, and the answer appears with its source and is played. Also: the browser's own speech
 * engines when the town allows them (a scripted recogniser), and axe with the microphone present.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { cachedTextToSpeech } from "../../src/adapters/voice/cached-tts.ts";
import { createEspeakTextToSpeech } from "../../src/adapters/voice/espeak-tts.ts";
import { createOpenAiSpeechToText } from "../../src/adapters/voice/openai-stt.ts";
import { parseWav } from "../../src/adapters/voice/wav.ts";
import { insertPackageFiches } from "../factories/a-fiche.ts";
import {
  type OpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from "../helpers/openai-compatible-server.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";
import { espeakMissing, spokenWav } from "./assistant-voice-audio.ts";
import { axeViolations, chromiumMissing, fakeMicrophoneArgs, launchBrowser } from "./browser.ts";
import { E2E_FICHES } from "./site-server.ts";

const skip = chromiumMissing() || espeakMissing();
const QUESTION = "Comment s'inscrire sur les listes électorales ?";

function hostPage(guichetUrl: string): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Mairie de Démo — aide</title></head>
<body>
<main>
<h1>Une question ?</h1>
<guichet-assistant></guichet-assistant>
</main>
<script src="${guichetUrl}/widget.js" defer></script>
</body>
</html>`;
}

function loudness(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

/**
 * The browser's speech engines, scripted: a recogniser that hears the question (Chromium's real one
 * needs Google's servers) and a synthesiser that writes down what it is asked to say.
 */
async function fakeBrowserSpeech(page: Page): Promise<void> {
  await page.addInitScript((question: string) => {
    const w = window as unknown as Record<string, unknown>;
    w.spoken = [] as string[];
    w.SpeechRecognition = class {
      lang = "";
      onresult: ((event: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      onerror: ((event: unknown) => void) | null = null;
      start() {
        w.recognitionLang = this.lang;
        setTimeout(() => {
          this.onresult?.({ results: [[{ transcript: question }]] });
          this.onend?.();
        }, 50);
      }
      stop() {}
    };
    w.webkitSpeechRecognition = w.SpeechRecognition;
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      (w.spoken as string[]).push(`${utterance.lang}|${utterance.text}`);
    };
  }, QUESTION);
}

/** What the fake synthesiser was asked to say ("lang|text"). */
async function spokenByBrowser(page: Page): Promise<string[]> {
  await page.waitForFunction(() => ((window as unknown as { spoken: string[] }).spoken ?? []).length > 0);
  return page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
}

/** The service has no speech-to-text and the town allows the browser's (for this page only). */
async function allowBrowserSpeech(page: Page, url: string, origin: string): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      headers: { "access-control-allow-origin": origin },
      body: JSON.stringify({ input: false, browserSpeech: true }),
    }),
  );
}

describe("browser voicebot in Chromium (fake microphone)", { skip }, () => {
  let t: TestApp;
  let stt: OpenAiCompatibleServer;
  let browser: Browser;
  let host: http.Server;
  let hostOrigin: string;
  let baseUrl: string;
  let micFile: string;

  /** The last upload the speech-to-text stand-in received: really the question, heard by the microphone? */
  function lastUpload(): { seconds: number; rms: number } {
    const file = stt.transcriptions.at(-1)?.file;
    assert.ok(file, "speech-to-text received a recording");
    const wav = parseWav(file);
    assert.equal(wav.sampleRate, 8_000);
    return { seconds: wav.samples.length / 8_000, rms: loudness(wav.samples) };
  }

  async function newPage(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    return { page, problems, close: () => context.close() };
  }

  before(async () => {
    micFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "guichet-micro-")), "question.wav");
    fs.writeFileSync(micFile, spokenWav(QUESTION, { rate: 48_000, silenceBefore: 0.3, silenceAfter: 5 }));
    stt = await startOpenAiCompatibleServer({ transcript: { kind: "text", text: QUESTION } });
    host = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(hostPage(baseUrl));
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    t = await createTestApp({
      env: { ASSISTANT_ALLOWED_ORIGINS: hostOrigin },
      deps: {
        voice: {
          tts: cachedTextToSpeech(createEspeakTextToSpeech()),
          stt: createOpenAiSpeechToText({ baseUrl: stt.url, model: "whisper-test" }),
        },
      },
    });
    await insertPackageFiches(t.database.db, t.deps.organisation.id, E2E_FICHES);
    await (t.deps.search as { warm?: (id: string) => Promise<void> }).warm?.(t.deps.organisation.id);
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser({ extraArgs: fakeMicrophoneArgs(micFile) });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await stt?.stop();
    host?.close();
    if (micFile) fs.rmSync(path.dirname(micFile), { recursive: true, force: true });
  });

  it("widget on a town's site: Parler → the question heard, the answer with its source, played — axe clean", async () => {
    const { page, problems, close } = await newPage();
    try {
      await page.goto(`${hostOrigin}/`);
      const widget = page.locator("guichet-assistant");
      const mic = widget.getByRole("button", { name: "Parler", exact: true });
      await mic.waitFor();
      assert.equal(await mic.getAttribute("aria-pressed"), "false");
      assert.equal(
        await widget.getByRole("button", { name: "Couper le son" }).getAttribute("aria-pressed"),
        "false",
      );
      assert.deepEqual(await axeViolations(page), []);

      const uploads = stt.transcriptions.length;
      await mic.click();
      const stop = widget.getByRole("button", { name: "Arrêter" });
      await stop.waitFor();
      assert.equal(await stop.getAttribute("aria-pressed"), "true");
      assert.match((await widget.locator(".ga-voice-status").textContent()) ?? "", /À l'écoute/);

      // It stops by itself after the question (silence), sends it, and shows what was heard and the answer.
      const answer = widget.locator(".ga-from-assistant").last();
      await answer.locator(".ga-sources a").waitFor();
      assert.match((await answer.locator(".ga-sources a").getAttribute("href")) ?? "", /\/fiches\/F1367$/);
      assert.match(
        (await widget.locator(".ga-from-citizen").last().textContent()) ?? "",
        /listes électorales/,
      );
      assert.equal(
        await widget.getByRole("button", { name: "Parler", exact: true }).getAttribute("aria-pressed"),
        "false",
      );

      assert.equal(stt.transcriptions.length, uploads + 1);
      const heard = lastUpload();
      assert.ok(heard.seconds > 2 && heard.seconds < 12, `${heard.seconds} s recorded`);
      assert.ok(heard.rms > 300, `the recording holds speech (RMS ${heard.rms})`);

      const src = await widget.locator("audio").evaluate((audio) => (audio as HTMLAudioElement).src);
      assert.match(
        src,
        new RegExp(`^${baseUrl}/api/v1/conversations/[A-Za-z0-9_-]{24}/audio/[0-9a-f-]{36}\\.wav$`),
      );
      const spoken = await fetch(src);
      assert.equal(spoken.status, 200);
      assert.equal(parseWav(new Uint8Array(await spoken.arrayBuffer())).sampleRate, 8_000);

      // "Couper le son" is a toggle.
      await widget.getByRole("button", { name: "Couper le son" }).click();
      assert.equal(
        await widget.getByRole("button", { name: "Couper le son" }).getAttribute("aria-pressed"),
        "true",
      );
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it("/assistant page: the keyboard starts the microphone; the conversation is the server's, the reply plays", async () => {
    const { page, problems, close } = await newPage();
    try {
      await page.goto(`${baseUrl}/assistant`);
      const mic = page.getByRole("button", { name: "Parler", exact: true });
      await mic.waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await mic.focus();
      await page.keyboard.press("Enter");
      const reply = page.locator(".chat-entry.from-assistant").last();
      await reply.locator(".chat-sources a").waitFor();
      assert.match((await reply.locator(".chat-sources a").getAttribute("href")) ?? "", /\/fiches\/F1367$/);
      assert.match(
        (await page.locator(".chat-entry.from-citizen").last().textContent()) ?? "",
        /listes électorales/,
      );
      // The new reply has the focus, as after a form post; the microphone is back in the new form.
      assert.equal(await reply.evaluate((element) => element === document.activeElement), true);
      assert.equal(
        await page.locator("form.chat-form").getByRole("button", { name: "Parler", exact: true }).count(),
        1,
      );
      const messageId = ((await reply.getAttribute("id")) ?? "").replace(/^m-/, "");
      const src = await page
        .locator(".chat-voice audio")
        .evaluate((audio) => (audio as HTMLAudioElement).src);
      assert.equal(src, `${baseUrl}/assistant/voix/${messageId}.wav`);
      assert.ok(lastUpload().rms > 300);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it("/assistant without JavaScript: no microphone, the page as before", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/assistant`);
      await page.getByRole("button", { name: "Envoyer" }).waitFor();
      assert.equal(await page.getByRole("button", { name: "Parler", exact: true }).count(), 0);
    } finally {
      await context.close();
    }
  });

  it("the browser's own speech engines, where the town allows them: recognised text sent, answer read aloud", async () => {
    const { page, problems, close } = await newPage();
    try {
      await allowBrowserSpeech(page, `${baseUrl}/api/v1/voice`, hostOrigin);
      await fakeBrowserSpeech(page);
      await page.goto(`${hostOrigin}/`);
      const widget = page.locator("guichet-assistant");
      const mic = widget.getByRole("button", { name: "Parler", exact: true });
      await mic.waitFor();
      assert.match(
        (await widget.locator("#ga-voice-note").textContent()) ?? "",
        /transmet votre voix à l'éditeur du navigateur/,
      );
      const uploads = stt.transcriptions.length;
      await mic.click();
      const answer = widget.locator(".ga-from-assistant").last();
      await answer.locator(".ga-sources a").waitFor();
      assert.equal(
        await page.evaluate(() => (window as unknown as { recognitionLang: string }).recognitionLang),
        "fr-FR",
      );
      assert.equal(stt.transcriptions.length, uploads, "no recording sent to the service");
      const [said] = await spokenByBrowser(page);
      assert.match(said ?? "", /^fr-FR\|.+/);
      assert.doesNotMatch(said ?? "", /https?:|www\./);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it("/assistant with the browser's engines: the text is posted like the form, the page's answer read aloud", async () => {
    const { page, problems, close } = await newPage();
    try {
      await allowBrowserSpeech(page, `${baseUrl}/api/v1/voice`, baseUrl);
      await fakeBrowserSpeech(page);
      await page.goto(`${baseUrl}/assistant`);
      await page.getByRole("button", { name: "Parler", exact: true }).click();
      const reply = page.locator(".chat-entry.from-assistant").last();
      await reply.locator(".chat-sources a").waitFor();
      assert.match(
        (await page.locator(".chat-entry.from-citizen").last().textContent()) ?? "",
        /listes électorales/,
      );
      const [said] = await spokenByBrowser(page);
      // The page's own reply, as the ear gets it (quotes and line breaks dropped).
      const words = (text: string) =>
        text.replace(/[«»]/g, "").split(/\s+/).filter(Boolean).slice(0, 6).join(" ");
      const shown = (await reply.locator(".chat-text").textContent()) ?? "";
      assert.equal(words(said?.replace(/^fr-FR\|/, "") ?? ""), words(shown));
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
