/**
 * Parses a service-public.fr XML file into the same xml-js style tree as the npm package
 * (which was produced by xml-js with its defaults): attribute names kept, document order kept,
 * whitespace-only text dropped, other text untouched, declaration and instructions ignored.
 */
import { type EntityDecoderOptions, XMLParser, XMLValidator } from "fast-xml-parser";
import type { XmlNode } from "../../../shared/database.ts";

const ATTRIBUTES = ":@";
const TEXT = "#text";
const CDATA = "#cdata";
const COMMENT = "#comment";

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/**
 * XML's own entities and numeric references, as xml-js (sax) decodes them. One pass, no
 * recursion: an entity declared in a DOCTYPE cannot expand into more entities.
 */
function createEntityDecoder(): EntityDecoderOptions {
  let declared: Record<string, string> = {};
  const resolve = (name: string): string | undefined => {
    if (name.startsWith("#x")) return codePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return codePoint(Number.parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? declared[name];
  };
  return {
    setExternalEntities: (entities) => {
      declared = { ...declared, ...entities };
    },
    addInputEntities: (entities) => {
      declared = { ...declared, ...entities };
    },
    reset: () => {
      declared = {};
    },
    decode: (text) =>
      text.includes("&") ? text.replace(ENTITY, (raw, name: string) => resolve(name) ?? raw) : text,
    setXmlVersion: () => {},
  };
}

function codePoint(value: number): string | undefined {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  entityDecoder: createEntityDecoder(),
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: CDATA,
  commentPropName: COMMENT,
  removeNSPrefix: false,
  maxNestedTags: 200,
});

export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
}

type OrderedNode = Record<string, unknown>;

function textNodes(value: unknown): string {
  if (!Array.isArray(value)) return String(value ?? "");
  return value.map((item: OrderedNode) => String(item[TEXT] ?? "")).join("");
}

function convert(items: OrderedNode[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    if (TEXT in item) {
      const text = String(item[TEXT]);
      if (text.trim() !== "") nodes.push({ type: "text", text });
      continue;
    }
    if (CDATA in item) {
      nodes.push({ type: "cdata", text: textNodes(item[CDATA]) });
      continue;
    }
    if (COMMENT in item) {
      nodes.push({ type: "comment", text: textNodes(item[COMMENT]) });
      continue;
    }
    const name = Object.keys(item).find((key) => key !== ATTRIBUTES);
    if (name === undefined) continue;
    const node: XmlNode = { type: "element", name };
    const attributes = item[ATTRIBUTES] as Record<string, string> | undefined;
    if (attributes && Object.keys(attributes).length > 0) node.attributes = { ...attributes };
    const children = convert((item[name] as OrderedNode[] | undefined) ?? []);
    if (children.length > 0) node.children = children;
    nodes.push(node);
  }
  return nodes;
}

/** Returns a document node `{ children: [root element] }`; throws XmlSyntaxError with a French reason. */
export function xmlToTree(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new XmlSyntaxError(`XML mal formé (ligne ${line}) : ${msg}`);
  }
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    throw new XmlSyntaxError(`XML illisible : ${(error as Error).message}`);
  }
  return { type: "element", children: convert(parsed) };
}
