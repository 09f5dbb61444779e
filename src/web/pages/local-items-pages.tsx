/** News ("actualités") and the town's own procedures ("démarches"): a list page and an item page each. */

import type { PublishedItem } from "../../domains/knowledge/local/published.repo.ts";
import type { LocalItemKind } from "../../shared/database.ts";
import { Page } from "../layout/page.tsx";
import type { SiteContext } from "../site.ts";
import { formatFrenchDate, isoDay } from "./french-date.ts";
import { LocalBody } from "./local-body.tsx";

type ListedKind = Exclude<LocalItemKind, "faq">;

const SECTIONS: Record<ListedKind, { path: string; title: string; empty: string }> = {
  news: { path: "/actualites", title: "Actualités", empty: "Aucune actualité pour le moment." },
  procedure: {
    path: "/demarches",
    title: "Démarches de la commune",
    empty: "Aucune démarche propre à la commune n'est publiée pour le moment.",
  },
};

function PublishedDate(props: { item: PublishedItem }) {
  if (props.item.kind !== "news" || !props.item.publishedAt) return null;
  return (
    <p class="meta">
      Publié le{" "}
      <time datetime={isoDay(props.item.publishedAt)}>{formatFrenchDate(props.item.publishedAt)}</time>
    </p>
  );
}

export function LocalItemsListPage(props: { site: SiteContext; kind: ListedKind; items: PublishedItem[] }) {
  const section = SECTIONS[props.kind];
  return (
    <Page
      site={props.site}
      title={section.title}
      path={section.path}
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: section.title }]}
    >
      <h1>{section.title}</h1>
      {props.items.length === 0 ? (
        <p>{section.empty}</p>
      ) : (
        <ul class="news-list">
          {props.items.map((item) => (
            <li>
              <h2>
                <a href={`${section.path}/${item.slug}`}>{item.title}</a>
              </h2>
              <PublishedDate item={item} />
              {item.summary ? <p>{item.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function LocalItemPage(props: { site: SiteContext; kind: ListedKind; item: PublishedItem }) {
  const section = SECTIONS[props.kind];
  const { item } = props;
  return (
    <Page
      site={props.site}
      title={item.title}
      description={item.summary || undefined}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: section.title, href: section.path },
        { label: item.title },
      ]}
    >
      <article>
        <h1>{item.title}</h1>
        <PublishedDate item={item} />
        {item.summary ? <p class="lead">{item.summary}</p> : null}
        <LocalBody body={item.body} />
      </article>
    </Page>
  );
}
