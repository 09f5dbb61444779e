/**
 * Debian's Chromium driven by playwright-core, with axe for WCAG 2.1 A/AA checks.
 * Browser tests skip (visibly) only when Chromium is not installed; CI installs it.
 */
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumMissing(): string | false {
  return fs.existsSync(CHROMIUM_PATH)
    ? false
    : `Chromium absent (${CHROMIUM_PATH}) : apt-get install chromium`;
}

/** `extraArgs`: more Chromium flags for one test file (a fake microphone, for instance). */
export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(options.extraArgs ?? []),
    ],
  });
}

/**
 * Flags for a microphone that "says" a WAV file (16-bit PCM), granted without a permission prompt.
 * `%noloop` plays the file once, then silence, as a person who stops talking.
 */
export function fakeMicrophoneArgs(wavPath: string): string[] {
  return [
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-audio-capture=${wavPath}%noloop`,
    "--autoplay-policy=no-user-gesture-required",
  ];
}

export type AxeViolation = { id: string; impact: string | null | undefined; help: string; targets: string[] };

/** Runs axe with the WCAG 2.0/2.1 A and AA rules and returns the violations in a readable shape. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}
