import type { FicheSummary } from "../../domains/knowledge/fiches/index.ts";
import type { PublishedItem } from "../../domains/knowledge/local/published.repo.ts";
import { Page } from "../layout/page.tsx";
import type { SiteContext } from "../site.ts";
import { formatFrenchDate, isoDay } from "./french-date.ts";

export function HomePage(props: {
  site: SiteContext;
  popular: FicheSummary[];
  themes: FicheSummary[];
  news: PublishedItem[];
}) {
  const { site } = props;
  return (
    <Page site={site} title="Accueil" path="/">
      <h1>Bienvenue sur le guichet en ligne de {site.organisation.name}</h1>
      <p class="lead">
        Trouvez comment faire vos démarches : papiers d'identité, état civil, élections, urbanisme… Les
        informations officielles viennent de service-public.fr.
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too recent for older assistive technologies */}
      <form
        class="home-search"
        role="search"
        action="/recherche"
        method="get"
        aria-label="Recherche principale"
      >
        <label for="recherche-accueil">Que cherchez-vous ?</label>
        <p class="form-hint" id="recherche-accueil-aide">
          Par exemple : refaire ma carte d'identité, inscription sur les listes électorales
        </p>
        <div class="search-row">
          <input
            id="recherche-accueil"
            name="q"
            type="search"
            autocomplete="off"
            maxlength={200}
            aria-describedby="recherche-accueil-aide"
          />
          <button type="submit">Rechercher</button>
        </div>
      </form>

      {props.popular.length > 0 ? (
        <section>
          <h2>Démarches les plus demandées</h2>
          <ul class="link-grid">
            {props.popular.map((fiche) => (
              <li>
                <a href={`/fiches/${fiche.id}`}>{fiche.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {props.themes.length > 0 ? (
        <section>
          <h2>Toutes les démarches par thème</h2>
          <ul class="link-grid">
            {props.themes.map((theme) => (
              <li>
                <a href={`/fiches/${theme.id}`}>{theme.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section>
        <h2>Actualités</h2>
        {props.news.length === 0 ? (
          <p>Aucune actualité pour le moment.</p>
        ) : (
          <ul class="news-list">
            {props.news.map((item) => (
              <li>
                <h3>
                  <a href={`/actualites/${item.slug}`}>{item.title}</a>
                </h3>
                {item.publishedAt ? (
                  <p class="meta">
                    Publié le{" "}
                    <time datetime={isoDay(item.publishedAt)}>{formatFrenchDate(item.publishedAt)}</time>
                  </p>
                ) : null}
                {item.summary ? <p>{item.summary}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/actualites">Toutes les actualités</a> ·{" "}
          <a href="/demarches">Les démarches propres à la commune</a>
        </p>
      </section>
    </Page>
  );
}
