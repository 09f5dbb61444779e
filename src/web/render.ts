import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Full HTML document from a <Page> tree. Preact escapes every text and attribute. */
export function renderDocument(tree: VNode): string {
  return `<!doctype html>${renderToString(tree)}`;
}
