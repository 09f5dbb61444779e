/** Online services, forms and the offices to contact ("Où s'adresser ?"). */
import type { ComponentChildren } from "preact";
import {
  attr,
  elements,
  firstElement,
  textOf,
  type XmlNode,
} from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { renderBlocks } from "./blocks.tsx";
import { renderTitle, safeUrl } from "./inline.tsx";
import type { FicheRenderContext } from "./render-context.ts";

/** Local office kinds (PivotLocal) a reader may not decode; others are shown humanised. */
const PIVOT_LABELS: Record<string, string> = {
  mairie: "Mairie",
  prefecture: "Préfecture",
  sous_pref: "Sous-préfecture",
  centre_impots: "Centre des impôts",
  sie: "Service des impôts des entreprises",
  caf: "Caisse d'allocations familiales (Caf)",
  cpam: "Caisse primaire d'assurance maladie (CPAM)",
  msa: "Mutualité sociale agricole (MSA)",
  maison_handicapees: "Maison départementale des personnes handicapées (MDPH)",
  commissariat_police: "Commissariat de police",
  gendarmerie: "Gendarmerie",
  pole_emploi: "Pôle emploi",
  cg: "Conseil départemental",
  tribunal_commerce: "Tribunal de commerce",
  ta: "Tribunal administratif",
  notaire: "Notaire",
  adil: "Agence départementale d'information sur le logement (Adil)",
  msap: "Maison de services au public",
  ambassade_france_etranger: "Ambassade ou consulat de France à l'étranger",
  mjd: "Maison de justice et du droit",
};

export function pivotLabel(pivot: string): string {
  const known = PIVOT_LABELS[pivot];
  if (known) return known;
  const words = pivot.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FORMATS: Record<string, string> = {
  "application/pdf": "PDF",
  "application/msword": "Word",
  "application/vnd.oasis.opendocument.text": "ODT",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
};

/** "(PDF, 888,7 Ko)" from the format and weight attributes, so readers know what they download. */
export function fileInfo(node: XmlNode): string {
  const format = attr(node, "format");
  const label = format ? (FORMATS[format] ?? format.split("/").pop()?.toUpperCase()) : undefined;
  const weight = attr(node, "poids")
    ?.replace(".", ",")
    .replace(/\bKB\b/, "Ko")
    .replace(/\bMB\b/, "Mo");
  const parts = [label, weight].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function titled(node: XmlNode, ctx: FicheRenderContext, url: string | undefined): ComponentChildren {
  const title = renderTitle(firstElement(node, "Titre"), ctx);
  const href = safeUrl(url);
  return href ? (
    <>
      <a href={href}>{title}</a>
      {fileInfo(node)}
    </>
  ) : (
    title
  );
}

function cerfaLine(node: XmlNode): string {
  const cerfa = attr(node, "numerocerfa");
  const other = attr(node, "autrenumero");
  return [cerfa ? `Cerfa n° ${cerfa}` : "", other ? `n° ${other}` : ""].filter(Boolean).join(" · ");
}

export function OnlineService(props: {
  node: XmlNode;
  ctx: FicheRenderContext;
  level: number;
  asItem?: boolean;
}) {
  const { node, ctx } = props;
  const source = textOf(firstElement(node, "Source"));
  const meta = [cerfaLine(node), source ? `Source : ${source}` : ""].filter(Boolean).join(" — ");
  const annexes = elements(node, "ServiceEnLigneAnnexe");
  const notices = elements(node, "NoticeLiee");
  const content = (
    <>
      <p class="service-kind">{attr(node, "type") ?? "Service en ligne"}</p>
      <p class="service-title">{titled(node, ctx, attr(node, "URL"))}</p>
      {meta ? <p class="meta">{meta}</p> : null}
      {renderBlocks(elements(node, "Introduction"), ctx, props.level)}
      {annexes.length + notices.length > 0 ? (
        <ul>
          {annexes.map((annex) => (
            <Annex node={annex} ctx={ctx} level={props.level} />
          ))}
          {notices.map((notice) => (
            <li>
              <LinkedNotice node={notice} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
  return props.asItem ? <li class="service">{content}</li> : <div class="service">{content}</div>;
}

function Annex(props: { node: XmlNode; ctx: FicheRenderContext; level: number }) {
  const link = firstElement(props.node, "LienWeb");
  const cerfa = cerfaLine(props.node);
  return (
    <li>
      {titled(
        { ...props.node, attributes: { ...link?.attributes, ...props.node.attributes } },
        props.ctx,
        attr(link, "URL"),
      )}
      {cerfa ? ` — ${cerfa}` : null}
      {renderBlocks(elements(props.node, "Texte"), props.ctx, props.level)}
      {elements(props.node, "NoticeLiee").map((notice) => (
        <p>
          <LinkedNotice node={notice} />
        </p>
      ))}
    </li>
  );
}

export function LinkedNotice(props: { node: XmlNode }) {
  const href = safeUrl(attr(props.node, "URL"));
  const title = textOf(props.node) || "Notice";
  const cerfa = attr(props.node, "numerocerfa");
  return (
    <>
      {href ? <a href={href}>{title}</a> : title}
      {fileInfo(props.node)}
      {cerfa ? ` — Cerfa n° ${cerfa}` : null}
    </>
  );
}

export function WhereToGo(props: {
  node: XmlNode;
  ctx: FicheRenderContext;
  level: number;
  labelled?: boolean;
}) {
  const { node, ctx } = props;
  const complement = textOf(firstElement(node, "Complement"));
  const pivot = textOf(firstElement(node, "PivotLocal"));
  const source = textOf(firstElement(node, "Source"));
  const web = attr(firstElement(node, "RessourceWeb"), "URL");
  return (
    <div class="where">
      {props.labelled === false ? null : <p class="notice-title">Où s'adresser ?</p>}
      <p class="service-title">{titled(node, ctx, web)}</p>
      {complement ? <p>{complement}</p> : null}
      {pivot ? <p class="meta">Service compétent : {pivotLabel(pivot)}</p> : null}
      {renderBlocks(elements(node, "Texte"), ctx, props.level)}
      {source ? <p class="meta">Source : {source}</p> : null}
    </div>
  );
}
