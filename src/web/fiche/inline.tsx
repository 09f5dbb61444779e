/** Inline content of a Paragraphe (and of titles and cells): text, emphasis, links, glossary terms. */
import type { ComponentChildren } from "preact";
import { attr, elements, textOf, type XmlNode } from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { type FicheRenderContext, isPublicationId } from "./render-context.ts";

/** Collapsed, so the indentation and line breaks of the source do not cost bytes. */
export function cleanText(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ");
}

/** Only web and mail links from imported content; anything else (javascript:, data:) stays text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : undefined;
}

export function renderInline(nodes: XmlNode[] | undefined, ctx: FicheRenderContext): ComponentChildren[] {
  if (!nodes) return [];
  return nodes.map((node) => inlineNode(node, ctx));
}

function inlineNode(node: XmlNode, ctx: FicheRenderContext): ComponentChildren {
  if (node.type === "text" || node.type === "cdata") return cleanText(node.text);
  if (node.type !== "element") return null;
  const children = () => renderInline(node.children, ctx);
  switch (node.name) {
    case "MiseEnEvidence":
      return <strong>{children()}</strong>;
    case "Expression":
      return <em>{children()}</em>;
    case "Exposant":
      return <sup>{children()}</sup>;
    case "Indice":
      return <sub>{children()}</sub>;
    case "Citation":
      return <q>{children()}</q>;
    case "Variable":
      return <var>{children()}</var>;
    case "Valeur":
      return children();
    case "TermeEtranger":
      return <span lang={attr(node, "langue") || undefined}>{children()}</span>;
    case "LienExterne": {
      const href = safeUrl(attr(node, "URL"));
      return href ? <a href={href}>{children()}</a> : children();
    }
    case "LienInterne":
      return internalLink(node, ctx);
    case "LienIntra":
      return intraLink(node, ctx);
    case "Image":
      return imageText(node);
    case "Paragraphe":
      // A paragraph inside inline content (titles): keep its words, not its block.
      return children();
    default:
      ctx.onUnknown?.(node.name ?? "?");
      return children();
  }
}

function internalLink(node: XmlNode, ctx: FicheRenderContext): ComponentChildren {
  const id = attr(node, "LienPublication");
  const type = attr(node, "type");
  const label = renderInline(node.children, ctx);
  const entry = id ? ctx.glossary.get(id) : undefined;
  if (entry || type === "Sigle" || type === "Acronyme") {
    return entry ? <abbr title={entry.text}>{label}</abbr> : <abbr>{label}</abbr>;
  }
  const target = isPublicationId(id) ? ctx.resolve(id) : undefined;
  const text = textOf(node) ? label : target?.title || id || "";
  return target ? <a href={target.href}>{text}</a> : text;
}

function intraLink(node: XmlNode, ctx: FicheRenderContext): ComponentChildren {
  const id = attr(node, "LienID");
  const label = renderInline(node.children, ctx);
  const entry = id ? ctx.glossary.get(id) : undefined;
  if (entry) {
    return entry.kind === "abbreviation" ? (
      <abbr title={entry.text}>{label}</abbr>
    ) : (
      <a href={`#def-${entry.id}`}>{label}</a>
    );
  }
  const target = isPublicationId(id) ? ctx.resolve(id) : undefined;
  return target ? <a href={target.href}>{label}</a> : label;
}

/** Pictures are not shipped with the data: their text alternative stands in for them. */
export function imageText(node: XmlNode): ComponentChildren {
  const alt = textOf(elements(node, "TexteDeRemplacement")[0]);
  const caption = textOf(elements(node, "Legende")[0]);
  const credits = textOf(elements(node, "Credits")[0]);
  const parts = [alt, caption, credits ? `Crédits : ${credits}` : ""].filter(Boolean);
  return (
    <span class="illustration">{`Illustration non reproduite${parts.length ? ` : ${parts.join(" — ")}` : ""}`}</span>
  );
}

/** The words of a Titre, whether it holds text directly or Paragraphe elements. */
export function renderTitle(titre: XmlNode | undefined, ctx: FicheRenderContext): ComponentChildren[] {
  if (!titre) return [];
  const paragraphs = elements(titre, "Paragraphe");
  if (paragraphs.length === 0) return renderInline(titre.children, ctx);
  const out: ComponentChildren[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) out.push(" ");
    out.push(...renderInline(paragraph.children, ctx));
  });
  return out;
}
