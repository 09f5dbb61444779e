/**
 * Block content of a publication: chapters, cases, lists, notes, tables. Headings follow the
 * nesting (`level` is the level the next heading takes), so the outline stays in order.
 */
import type { ComponentChildren, VNode } from "preact";
import { attr, elements, firstElement, type XmlNode } from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { cleanText, imageText, renderInline, renderTitle } from "./inline.tsx";
import type { FicheRenderContext } from "./render-context.ts";
import { OnlineService, WhereToGo } from "./services.tsx";
import { FicheTable } from "./table.tsx";

export function Heading(props: { level: number; id?: string; children: ComponentChildren }): VNode {
  const level = Math.min(Math.max(props.level, 2), 6);
  const Tag = `h${level}` as "h2";
  return <Tag id={props.id}>{props.children}</Tag>;
}

/** Elements that carry logic or metadata for service-public.fr's own site, not text for readers. */
const SILENT = new Set([
  "Condition",
  "estVrai",
  "estIndefini",
  "ou",
  "et",
  "TitreAlternatif",
  "Titre",
  "Colonne",
  "SiSelectionne",
  "affecteVrai",
  "affecteFaux",
]);

const NOTICE_LABELS: Record<string, string> = {
  ANoter: "À noter",
  ASavoir: "À savoir",
  Attention: "Attention",
  Rappel: "Rappel",
};

export function renderBlocks(
  nodes: XmlNode[] | undefined,
  ctx: FicheRenderContext,
  level: number,
): ComponentChildren[] {
  if (!nodes) return [];
  const out: ComponentChildren[] = [];
  for (const node of nodes) {
    if (node.type === "text" || node.type === "cdata") {
      const text = cleanText(node.text).trim();
      if (text) out.push(<p>{text}</p>);
    } else if (node.type === "element") {
      out.push(blockNode(node, ctx, level));
    }
  }
  return out;
}

function blockNode(node: XmlNode, ctx: FicheRenderContext, level: number): ComponentChildren {
  const name = node.name ?? "";
  if (SILENT.has(name)) return null;
  switch (name) {
    case "Paragraphe":
      return <p>{renderInline(node.children, ctx)}</p>;
    case "Liste":
      return <FicheList node={node} ctx={ctx} level={level} />;
    case "Chapitre":
    case "SousChapitre":
      return <Chapter node={node} ctx={ctx} level={level} />;
    case "BlocCas":
      return <Cases node={node} ctx={ctx} level={level} />;
    case "Cas":
      return <Case node={node} ctx={ctx} level={level} />;
    case "Tableau":
      return <FicheTable node={node} ctx={ctx} />;
    case "ANoter":
    case "ASavoir":
    case "Attention":
    case "Rappel":
      return <Notice node={node} ctx={ctx} level={level} />;
    case "OuSAdresser":
    case "OuSAdresserSupport":
      return <WhereToGo node={node} ctx={ctx} level={level} />;
    case "ServiceEnLigne":
      return <OnlineService node={node} ctx={ctx} level={level} />;
    case "Complement":
      return <p>{renderInline(node.children, ctx)}</p>;
    case "Image":
    case "Illustration":
      return <p>{imageText(node)}</p>;
    case "Texte":
    case "Introduction":
    case "FragmentConditionne":
    case "ContenuIllustre":
    case "Contenu":
    case "Description":
    case "Aide":
      return renderBlocks(node.children, ctx, level);
    default:
      // Unknown element: its text still reaches the reader.
      ctx.onUnknown?.(name);
      return hasElementChildren(node) ? (
        renderBlocks(node.children, ctx, level)
      ) : (
        <p>{renderInline(node.children, ctx)}</p>
      );
  }
}

function hasElementChildren(node: XmlNode): boolean {
  return elements(node).some(
    (child) => child.name === "Paragraphe" || child.name === "Liste" || child.name === "Texte",
  );
}

function FicheList(props: { node: XmlNode; ctx: FicheRenderContext; level: number }) {
  const items = elements(props.node, "Item").map((item) => {
    const parts = elements(item);
    // A single paragraph needs no <p> inside the <li>: leaner and read the same.
    const only = parts.length === 1 && parts[0]?.name === "Paragraphe" ? parts[0] : undefined;
    return (
      <li>
        {only ? renderInline(only.children, props.ctx) : renderBlocks(item.children, props.ctx, props.level)}
      </li>
    );
  });
  return attr(props.node, "type") === "numero" ? <ol>{items}</ol> : <ul>{items}</ul>;
}

function Chapter(props: { node: XmlNode; ctx: FicheRenderContext; level: number }) {
  const titre = firstElement(props.node, "Titre");
  return (
    <section>
      {titre ? <Heading level={props.level}>{renderTitle(titre, props.ctx)}</Heading> : null}
      {renderBlocks(props.node.children, props.ctx, titre ? props.level + 1 : props.level)}
    </section>
  );
}

/** A set of alternative cases ("Vous êtes majeur" / "Vous êtes mineur"): each one titled, all shown. */
function Cases(props: { node: XmlNode; ctx: FicheRenderContext; level: number }) {
  return <div class="cases">{renderBlocks(props.node.children, props.ctx, props.level)}</div>;
}

function Case(props: { node: XmlNode; ctx: FicheRenderContext; level: number }) {
  const titre = firstElement(props.node, "Titre");
  return (
    <section class="case">
      {titre ? <Heading level={props.level}>{renderTitle(titre, props.ctx)}</Heading> : null}
      {renderBlocks(props.node.children, props.ctx, titre ? props.level + 1 : props.level)}
    </section>
  );
}

function Notice(props: { node: XmlNode; ctx: FicheRenderContext; level: number }) {
  const name = props.node.name ?? "";
  const titre = firstElement(props.node, "Titre");
  const label = titre ? renderTitle(titre, props.ctx) : NOTICE_LABELS[name];
  const warning = name === "Attention";
  return (
    <div class={warning ? "notice warning" : "notice"}>
      <p class="notice-title">{label}</p>
      {renderBlocks(props.node.children, props.ctx, props.level)}
    </div>
  );
}
