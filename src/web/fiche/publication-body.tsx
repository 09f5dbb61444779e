/**
 * The body of a publication page (fiche F…, folder or theme N…, resource R…), below its h1.
 * Reading order: warnings and introduction, the content in source order, then the boxes that
 * service-public.fr shows around a fiche (services, offices, references, glossary, related pages).
 * Every child of the publication is either rendered or listed in METADATA on purpose.
 */
import type { ComponentChildren } from "preact";
import {
  attr,
  elements,
  firstElement,
  textOf,
  type XmlNode,
} from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { Heading, renderBlocks } from "./blocks.tsx";
import { FolderContents, isFolderElement } from "./folder-contents.tsx";
import { GuidedSearch, Questionnaire } from "./guided.tsx";
import { renderInline, renderTitle, safeUrl } from "./inline.tsx";
import { isRelatedElement, RelatedSections } from "./related-sections.tsx";
import type { FicheRenderContext } from "./render-context.ts";
import { fileInfo, LinkedNotice, OnlineService, pivotLabel } from "./services.tsx";

/** Shown elsewhere on the page (title, breadcrumb, date, source) or meant for service-public.fr's own site. */
const METADATA = new Set([
  "dc:title",
  "dc:creator",
  "dc:subject",
  "dc:description",
  "dc:publisher",
  "dc:contributor",
  "dc:date",
  "dc:type",
  "dc:format",
  "dc:identifier",
  "dc:source",
  "dc:language",
  "dc:relation",
  "dc:coverage",
  "dc:rights",
  "SurTitre",
  "Audience",
  "Canal",
  "FilDAriane",
  "Theme",
  "SousThemePere",
  "SousDossierPere",
  "Condition",
  "NumeroCerfa",
  "AutreNumero",
]);

const LEAD = new Set(["Avertissement", "Cible", "Introduction"]);

export function PublicationBody(props: { publication: XmlNode; ctx: FicheRenderContext }) {
  const { publication, ctx } = props;
  const isResource = (attr(publication, "ID") ?? "").startsWith("R");
  const children = elements(publication);
  const lead = children.filter((c) => LEAD.has(c.name ?? ""));
  const body: ComponentChildren[] = [];
  let folderRendered = false;
  for (const node of children) {
    const name = node.name ?? "";
    if (METADATA.has(name) || LEAD.has(name) || isRelatedElement(name, isResource)) continue;
    if (!isResource && isFolderElement(name)) {
      if (!folderRendered) body.push(<FolderContents publication={publication} ctx={ctx} />);
      folderRendered = true;
      continue;
    }
    body.push(mainElement(node, ctx));
  }
  return (
    <>
      {isResource ? <ResourceHeader publication={publication} ctx={ctx} /> : null}
      {lead.map((node) => mainElement(node, ctx))}
      {body}
      <RelatedSections publication={publication} ctx={ctx} isResource={isResource} />
    </>
  );
}

function mainElement(node: XmlNode, ctx: FicheRenderContext): ComponentChildren {
  switch (node.name) {
    case "Avertissement":
      return <Warning node={node} ctx={ctx} />;
    case "Cible":
      return <p class="meta">Public concerné : {textOf(node)}</p>;
    case "ListeSituations":
      return <Situations node={node} ctx={ctx} />;
    case "Problematiques":
      return <GuidedSearch node={node} ctx={ctx} />;
    case "Questionnaire":
      return <Questionnaire node={node} ctx={ctx} />;
    case "LienExterneCommente":
      return <CommentedLink node={node} ctx={ctx} />;
    case "ServiceEnLigneAnnexe":
      return <OnlineService node={node} ctx={ctx} level={2} />;
    case "NoticeLiee":
      return (
        <p>
          <LinkedNotice node={node} />
        </p>
      );
    case "LienWeb":
    case "PivotLocal":
      return null; // in the resource header
    default:
      return renderBlocks([node], ctx, 2);
  }
}

function Warning(props: { node: XmlNode; ctx: FicheRenderContext }) {
  const date = attr(props.node, "date");
  return (
    <div class="notice warning">
      <p class="notice-title">{renderTitle(firstElement(props.node, "Titre"), props.ctx)}</p>
      {renderBlocks(elements(props.node, "Texte"), props.ctx, 2)}
      {date ? <p class="meta">Avertissement publié le {date.split("-").reverse().join("/")}</p> : null}
    </div>
  );
}

/**
 * All situations are shown one after the other, each under its own heading, with a short table
 * of contents first: no script is needed and nothing is hidden from a screen reader.
 */
function Situations(props: { node: XmlNode; ctx: FicheRenderContext }) {
  const situations = elements(props.node, "Situation");
  return (
    <div class="situations">
      {situations.length > 1 ? (
        <nav class="situation-toc" aria-label="Choisissez votre situation">
          <p class="notice-title">Choisissez votre situation :</p>
          <ul>
            {situations.map((situation, index) => (
              <li>
                <a href={`#situation-${index + 1}`}>
                  {renderTitle(firstElement(situation, "Titre"), props.ctx)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {situations.map((situation, index) => (
        <section class="situation">
          <Heading level={2} id={`situation-${index + 1}`}>
            {renderTitle(firstElement(situation, "Titre"), props.ctx)}
          </Heading>
          {renderBlocks(situation.children, props.ctx, 3)}
        </section>
      ))}
    </div>
  );
}

function CommentedLink(props: { node: XmlNode; ctx: FicheRenderContext }) {
  const link = firstElement(props.node, "LienExterne");
  const href = safeUrl(attr(link, "URL"));
  const source = textOf(firstElement(props.node, "Source"));
  const comment = firstElement(props.node, "Commentaire");
  const label = renderInline(link?.children, props.ctx);
  return (
    <div class="service">
      <p class="service-title">{href ? <a href={href}>{label}</a> : label}</p>
      {comment ? renderBlocks(comment.children, props.ctx, 2) : null}
      {source ? <p class="meta">Source : {source}</p> : null}
    </div>
  );
}

const ACCESS_LABELS: Record<string, string> = {
  Formulaire: "Accéder au formulaire",
  Téléservice: "Accéder au téléservice",
  Simulateur: "Accéder au simulateur",
  "Modèle de document": "Accéder au modèle de document",
  "Outil de recherche": "Accéder à l'outil de recherche",
};

/** Forms, téléservices, simulators: the number and the link come first. */
function ResourceHeader(props: { publication: XmlNode; ctx: FicheRenderContext }) {
  const { publication } = props;
  const cerfa = textOf(firstElement(publication, "NumeroCerfa"));
  const other = textOf(firstElement(publication, "AutreNumero"));
  const pivot = textOf(firstElement(publication, "PivotLocal"));
  const links = elements(publication, "LienWeb");
  const action = ACCESS_LABELS[attr(publication, "type") ?? ""] ?? "Accéder au service";
  return (
    <div class="service resource">
      {cerfa ? <p class="cerfa">Cerfa n° {cerfa}</p> : null}
      {other ? <p class="meta">Autre numéro : {other}</p> : null}
      {pivot ? <p class="meta">Service compétent : {pivotLabel(pivot)}</p> : null}
      {links.map((link) => {
        const href = safeUrl(attr(link, "URL"));
        const source = textOf(firstElement(link, "Source"));
        return (
          <p class="service-title">
            {href ? <a href={href}>{`${action}${source ? ` (${source})` : ""}`}</a> : null}
            {fileInfo(link)}
          </p>
        );
      })}
    </div>
  );
}
