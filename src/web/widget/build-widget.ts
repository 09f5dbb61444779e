/**
 * Builds /widget.js once per process with esbuild: the custom element, preact and the minified
 * stylesheet in one script that any town's site can load. The ETag is a hash of the bytes served.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type WidgetBundle = { code: string; etag: string; version: string };

const ENTRY = path.resolve(import.meta.dirname, "widget.tsx");

let bundle: Promise<WidgetBundle> | undefined;

async function build(): Promise<WidgetBundle> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    // Browsers with custom elements and shadow DOM; Safari 14 would need destructuring rewritten.
    target: ["es2020", "chrome80", "firefox78", "safari15"],
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    logLevel: "silent",
    plugins: [
      {
        name: "minified-css-as-text",
        setup(builder) {
          builder.onLoad({ filter: /\.css$/ }, async (args) => {
            const source = fs.readFileSync(args.path, "utf8");
            const css = await esbuild.transform(source, { loader: "css", minify: true });
            return { contents: css.code.trim(), loader: "text" };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text ?? "";
  const version = createHash("sha256").update(code).digest("base64url").slice(0, 16);
  return { code, etag: `"${version}"`, version };
}

export function buildWidgetBundle(): Promise<WidgetBundle> {
  bundle ??= build().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
