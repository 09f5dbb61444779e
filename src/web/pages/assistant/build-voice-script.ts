/**
 * Builds /assistant/voix.js once per process with esbuild: the page's microphone, bundling the
 * widget's recording module, served from our own origin (the site's CSP allows only 'self' scripts).
 */
import { createHash } from "node:crypto";
import path from "node:path";

export const VOICE_SCRIPT_PATH = "/assistant/voix.js";

const ENTRY = path.resolve(import.meta.dirname, "voice-enhance.client.ts");

export type VoiceScript = { code: string; etag: string };

let script: Promise<VoiceScript> | undefined;

async function build(): Promise<VoiceScript> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome80", "firefox78", "safari15"],
    legalComments: "none",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { code, etag: `"${createHash("sha256").update(code).digest("base64url").slice(0, 16)}"` };
}

export function buildVoiceScript(): Promise<VoiceScript> {
  script ??= build().catch((error: unknown) => {
    script = undefined;
    throw error;
  });
  return script;
}
