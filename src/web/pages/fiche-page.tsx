/** A service-public.fr publication page: fiche (F…), theme or folder (N…), resource (R…). */

import { attr, firstElement, textOf } from "../../domains/knowledge/fiche-model/xml-tree.ts";
import type { FicheRecord } from "../../domains/knowledge/fiches/index.ts";
import { safeUrl } from "../fiche/inline.tsx";
import { PublicationBody } from "../fiche/publication-body.tsx";
import { buildGlossary, type FicheRenderContext, type LinkTarget } from "../fiche/render-context.ts";
import { type Crumb, Page } from "../layout/page.tsx";
import type { SiteContext } from "../site.ts";
import { formatFrenchDate } from "./french-date.ts";

export const SOURCE_LINE = "service-public.fr, Direction de l'information légale et administrative";

/** Root entries of FilDAriane ("Accueil particuliers") become our home page. */
export function ficheBreadcrumb(fiche: Pick<FicheRecord, "breadcrumb" | "title">): Crumb[] {
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }];
  const levels = fiche.breadcrumb.filter((level, index) => index > 0 || /^[FNR]\d/.test(level.id));
  levels.forEach((level, index) => {
    const last = index === levels.length - 1;
    crumbs.push({
      label: last ? fiche.title : level.title,
      href: /^N\d/.test(level.id) ? `/fiches/${level.id}` : undefined,
    });
  });
  if (levels.length === 0) crumbs.push({ label: fiche.title });
  return crumbs;
}

export function renderContextFor(fiche: FicheRecord, linkedTitles: Map<string, string>): FicheRenderContext {
  return {
    resolve: (id): LinkTarget | undefined => {
      const title = linkedTitles.get(id);
      return title === undefined ? undefined : { href: `/fiches/${id}`, title };
    },
    glossary: buildGlossary(fiche.tree),
  };
}

function originalUrl(fiche: FicheRecord): string {
  return (
    safeUrl(attr(fiche.tree, "spUrl")) ??
    `https://www.service-public.fr/${fiche.audiences[0] ?? "particuliers"}/vosdroits/${fiche.id}`
  );
}

export function FichePage(props: { site: SiteContext; fiche: FicheRecord; ctx: FicheRenderContext }) {
  const { fiche, ctx } = props;
  const date = fiche.modifiedAt ? formatFrenchDate(fiche.modifiedAt) : "";
  const kicker = textOf(firstElement(fiche.tree, "SurTitre")) || fiche.publicationType;
  const theme = firstElement(fiche.tree, "Theme");
  const themeId = attr(theme, "ID");
  const themeTarget = themeId && themeId !== fiche.id ? ctx.resolve(themeId) : undefined;
  const showDescription = fiche.description && fiche.description !== fiche.title;
  return (
    <Page
      site={props.site}
      title={fiche.title}
      description={fiche.description || undefined}
      breadcrumb={ficheBreadcrumb(fiche)}
    >
      <article class="fiche">
        <p class="kicker">{kicker}</p>
        <h1>{fiche.title}</h1>
        <p class="meta">
          {date ? <>Dernière modification : {date}</> : "Date de modification inconnue"}
          {themeTarget ? (
            <>
              {" — Thème : "}
              <a href={themeTarget.href}>{themeTarget.title || textOf(firstElement(theme, "Titre"))}</a>
            </>
          ) : null}
        </p>
        {showDescription ? <p class="lead">{fiche.description}</p> : null}
        <PublicationBody publication={fiche.tree} ctx={ctx} />
        <div class="source">
          <p>
            Source : {SOURCE_LINE} —{" "}
            <a href={originalUrl(fiche)}>voir la page d'origine sur service-public.fr</a>
          </p>
          <p>{date ? `Dernière modification : ${date}` : "Date de dernière modification inconnue"}</p>
          <p>
            Les règles ont pu changer depuis cette date : fiez-vous à la date indiquée et, en cas de doute,
            consultez la page d'origine ou votre mairie.
          </p>
        </div>
      </article>
    </Page>
  );
}
