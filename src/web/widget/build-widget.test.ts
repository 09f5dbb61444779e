/** The embeddable widget stays small and never turns API data into HTML. */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { buildWidgetBundle } from "./build-widget.ts";

const MAX_GZIPPED_BYTES = 50 * 1024;

describe("widget bundle (/widget.js)", () => {
  it("builds into one script of at most 50 KB gzipped, with its styles inside", async () => {
    const bundle = await buildWidgetBundle();
    const gzipped = gzipSync(bundle.code, { level: 9 }).length;
    assert.ok(
      gzipped <= MAX_GZIPPED_BYTES,
      `widget.js: ${gzipped} octets compressés (max ${MAX_GZIPPED_BYTES})`,
    );
    assert.match(bundle.code, /guichet-assistant/);
    assert.match(bundle.code, /\.ga-launcher\{/, "the minified stylesheet is bundled");
    assert.doesNotMatch(bundle.code, /^import |\bimport\(/m, "no module loading left for the host page");
    assert.match(bundle.etag, /^"[A-Za-z0-9_-]{16}"$/);
  });

  it("never sets HTML from data in its own source (text nodes only)", () => {
    const dir = import.meta.dirname;
    const sources = fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));
    assert.ok(sources.length >= 5);
    for (const file of sources) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      assert.doesNotMatch(
        text,
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/,
        file,
      );
    }
  });
});
