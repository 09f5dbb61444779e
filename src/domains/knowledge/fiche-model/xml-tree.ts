/** Helpers over the xml-js style tree that both the npm package and our XML parser produce. */
import type { XmlNode } from "../../../shared/database.ts";

export type { XmlNode };

export function elements(node: XmlNode | undefined, name?: string): XmlNode[] {
  if (!node?.children) return [];
  return node.children.filter(
    (child) => child.type === "element" && (name === undefined || child.name === name),
  );
}

export function firstElement(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children?.find((child) => child.type === "element" && child.name === name);
}

/** All the text below a node, in document order, whitespace collapsed. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return "";
  const parts: string[] = [];
  const walk = (n: XmlNode) => {
    if (n.type === "text" || n.type === "cdata") parts.push(n.text ?? "");
    else if (n.children) for (const child of n.children) walk(child);
  };
  walk(node);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.attributes?.[name];
}
