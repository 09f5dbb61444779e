import type { PublishedItem } from "../../domains/knowledge/local/published.repo.ts";
import { Page } from "../layout/page.tsx";
import type { SiteContext } from "../site.ts";
import { LocalBody } from "./local-body.tsx";

/** Each question is a heading with its answer below: readable and searchable in the page without script. */
export function FaqPage(props: { site: SiteContext; items: PublishedItem[] }) {
  return (
    <Page
      site={props.site}
      title="Questions fréquentes"
      path="/faq"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Questions fréquentes" }]}
    >
      <h1>Questions fréquentes</h1>
      {props.items.length === 0 ? (
        <p>Aucune question publiée pour le moment.</p>
      ) : (
        <>
          <ul class="link-list">
            {props.items.map((item) => (
              <li>
                <a href={`#faq-${item.slug}`}>{item.title}</a>
              </li>
            ))}
          </ul>
          {props.items.map((item) => (
            <section class="faq-entry">
              <h2 id={`faq-${item.slug}`}>{item.title}</h2>
              {item.summary ? <p class="lead">{item.summary}</p> : null}
              <LocalBody body={item.body} />
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
