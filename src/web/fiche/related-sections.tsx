/** The sections after a publication's content, in the order service-public.fr shows them. */
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
import { OnlineService, WhereToGo } from "./services.tsx";

type Section = { names: string[]; title: string; resourceOnly?: boolean };

const SECTIONS: Section[] = [
  { names: ["OuSAdresser", "OuSAdresserSupport"], title: "Où s'adresser ?" },
  { names: ["ServiceEnLigne"], title: "Services en ligne et formulaires" },
  { names: ["ServiceEnLigneAlternatif"], title: "Autre service en ligne" },
  { names: ["FicheLiee"], title: "Fiches pratiques liées" },
  { names: ["Dossier"], title: "Dossier", resourceOnly: true },
  { names: ["PourEnSavoirPlus"], title: "Pour en savoir plus" },
  { names: ["Reference"], title: "Textes de référence" },
  { names: ["Definition", "Abreviation"], title: "Définitions et sigles" },
  { names: ["QuestionReponse"], title: "Questions ? Réponses !" },
  { names: ["CommentFaireSi"], title: "Comment faire si…" },
  { names: ["RechercheGuidee"], title: "Recherche guidée" },
  { names: ["VoirAussi"], title: "Voir aussi" },
  { names: ["DossierPere"], title: "Dans le même dossier" },
  { names: ["Partenaire"], title: "Site partenaire" },
];

export function isRelatedElement(name: string, isResource: boolean): boolean {
  return SECTIONS.some((s) => s.names.includes(name) && (isResource || !s.resourceOnly));
}

/**
 * A link to another publication: to our page when we hold it, otherwise its label as text.
 * Our title is preferred: the tree's label is often shortened or older ("Première demande").
 */
function PublicationLink(props: { id: string | undefined; label: string; ctx: FicheRenderContext }) {
  const target = props.id ? props.ctx.resolve(props.id) : undefined;
  const label = target?.title || props.label || props.id || "";
  return target ? <a href={target.href}>{label}</a> : label;
}

function item(node: XmlNode, ctx: FicheRenderContext): ComponentChildren {
  const titre = firstElement(node, "Titre");
  switch (node.name) {
    case "OuSAdresser":
    case "OuSAdresserSupport":
      return (
        <li>
          <WhereToGo node={node} ctx={ctx} level={3} labelled={false} />
        </li>
      );
    case "ServiceEnLigne":
      return <OnlineService node={node} ctx={ctx} level={3} asItem />;
    case "PourEnSavoirPlus":
    case "Reference": {
      const href = safeUrl(attr(node, "URL"));
      const source = textOf(firstElement(node, "Source"));
      const title = renderTitle(titre, ctx);
      return (
        <li>
          {href ? <a href={href}>{title}</a> : title}
          {source ? <span class="meta"> — {source}</span> : null}
          {renderBlocks(elements(node, "Complement"), ctx, 3)}
        </li>
      );
    }
    case "Definition":
    case "Abreviation":
      return <GlossaryItem node={node} ctx={ctx} />;
    case "Partenaire": {
      const href = safeUrl(attr(node, "URL"));
      return <li>{href ? <a href={href}>{hostnameOf(href)}</a> : attr(node, "URL")}</li>;
    }
    case "RechercheGuidee":
      return (
        <li>
          <PublicationLink id={attr(node, "ID")} label={textOf(titre).replace(/^\*+\s*/, "")} ctx={ctx} />
        </li>
      );
    default:
      // QuestionReponse, CommentFaireSi, FicheLiee, Dossier, ServiceEnLigneAlternatif: links to publications.
      return (
        <li>
          <PublicationLink id={attr(node, "ID")} label={titre ? textOf(titre) : textOf(node)} ctx={ctx} />
        </li>
      );
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function GlossaryItem(props: { node: XmlNode; ctx: FicheRenderContext }) {
  const { node, ctx } = props;
  const id = attr(node, "ID");
  const term = textOf(firstElement(node, "Titre"));
  const text = firstElement(node, "Texte");
  return (
    <>
      <dt id={id ? `def-${id}` : undefined}>
        {node.name === "Abreviation" ? <abbr title={textOf(text)}>{term}</abbr> : <dfn>{term}</dfn>}
      </dt>
      <dd>
        {renderBlocks(text?.children, ctx, 6)}
        {elements(node, "Reference").map((ref) => {
          const href = safeUrl(attr(ref, "URL"));
          const title = textOf(firstElement(ref, "Titre"));
          return <p>{href ? <a href={href}>{title}</a> : title}</p>;
        })}
      </dd>
    </>
  );
}

/** VoirAussi and DossierPere hold their entries one level down. */
function entriesOf(node: XmlNode): XmlNode[] {
  if (node.name === "VoirAussi")
    return elements(node).filter((n) => n.name === "Fiche" || n.name === "Dossier");
  if (node.name === "DossierPere") {
    const groups = elements(node, "SousDossier");
    return [...elements(node, "Fiche"), ...groups.flatMap((g) => elements(g, "Fiche"))];
  }
  return [node];
}

export function RelatedSections(props: {
  publication: XmlNode;
  ctx: FicheRenderContext;
  isResource: boolean;
}) {
  const { publication, ctx } = props;
  const children = elements(publication);
  const currentId = attr(publication, "ID");
  return (
    <>
      {SECTIONS.map((section) => {
        if (section.resourceOnly && !props.isResource) return null;
        const nodes = children.filter((c) => section.names.includes(c.name ?? "")).flatMap(entriesOf);
        if (nodes.length === 0) return null;
        const isGlossary = section.names.includes("Definition");
        const title =
          section.names[0] === "DossierPere"
            ? `Dans le même dossier : ${textOf(firstElement(firstElement(publication, "DossierPere"), "Titre"))}`
            : section.title;
        return (
          <section class="related">
            <h2>{title}</h2>
            {isGlossary ? (
              <dl>{nodes.map((node) => item(node, ctx))}</dl>
            ) : (
              <ul class="link-list">
                {nodes.map((node) =>
                  section.names[0] === "DossierPere" && attr(node, "ID") === currentId ? (
                    <li aria-current="page">{textOf(node)}</li>
                  ) : (
                    item(node, ctx)
                  ),
                )}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
