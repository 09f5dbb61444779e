import type { Audience, SearchHit, SearchResultType } from "../../domains/knowledge/search/search.types.ts";
import { highlightSegments } from "../../domains/knowledge/search/snippet.ts";
import { Page } from "../layout/page.tsx";
import type { SiteContext } from "../site.ts";

const TYPE_LABELS: Record<SearchResultType, string> = {
  fiche: "Fiche pratique",
  procedure: "Démarche de la commune",
  faq: "Question fréquente",
  news: "Actualité",
};

const AUDIENCE_LABELS: Record<Audience, string> = {
  particuliers: "Particuliers",
  professionnels: "Professionnels",
  associations: "Associations",
};

export type SearchPageProps = {
  site: SiteContext;
  query: string;
  audience: Audience | undefined;
  results: SearchHit[];
  /** Why the query was refused (too long, unknown audience), in French. */
  refusal?: string | undefined;
};

function Highlighted(props: { text: string; terms: string[] }) {
  return (
    <>
      {highlightSegments(props.text, props.terms).map((segment) =>
        segment.match ? <mark>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}

function SearchForm(props: { query: string; audience: Audience | undefined }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too recent for older assistive technologies
    <form
      class="search-filters"
      role="search"
      action="/recherche"
      method="get"
      aria-label="Affiner la recherche"
    >
      <div class="form-field">
        <label for="recherche-page">Votre recherche</label>
        <input id="recherche-page" name="q" type="search" value={props.query} maxlength={200} />
      </div>
      <div class="form-field">
        <label for="recherche-public">Public</label>
        <select id="recherche-public" name="audience">
          <option value="">Tous les publics</option>
          {(Object.keys(AUDIENCE_LABELS) as Audience[]).map((audience) => (
            <option value={audience} selected={props.audience === audience}>
              {AUDIENCE_LABELS[audience]}
            </option>
          ))}
        </select>
      </div>
      <button class="button" type="submit">
        Rechercher
      </button>
    </form>
  );
}

function NoResults() {
  return (
    <div class="notice">
      <h2>Aucun résultat</h2>
      <ul>
        <li>Vérifiez l'orthographe des mots.</li>
        <li>Essayez des mots plus simples ou moins nombreux, par exemple « carte d'identité ».</li>
        <li>
          Parcourez les <a href="/themes">démarches par thème</a>.
        </li>
      </ul>
    </div>
  );
}

export function SearchPage(props: SearchPageProps) {
  const { query, results } = props;
  const title = query ? `Recherche : ${query}` : "Rechercher";
  const count = results.length;
  return (
    <Page site={props.site} title={title} path="/recherche" query={query}>
      <h1>Rechercher une démarche ou une information</h1>
      <SearchForm query={query} audience={props.audience} />
      {props.refusal ? (
        <p class="notice warning" role="alert">
          {props.refusal}
        </p>
      ) : !query ? (
        <p class="lead">
          Saisissez un ou plusieurs mots, par exemple « acte de naissance » ou « carte grise ».
        </p>
      ) : (
        <section aria-labelledby="resultats-titre">
          <h2 id="resultats-titre">
            {count === 0
              ? `Aucun résultat pour « ${query} »`
              : `${count} résultat${count > 1 ? "s" : ""} pour « ${query} »`}
          </h2>
          {count === 0 ? (
            <NoResults />
          ) : (
            <ol class="search-results">
              {results.map((hit) => (
                <li>
                  <span class={`badge badge-${hit.type}`}>{TYPE_LABELS[hit.type]}</span>
                  <h3>
                    <a href={hit.url}>
                      <Highlighted text={hit.title} terms={hit.matchedTerms} />
                    </a>
                  </h3>
                  {hit.snippet ? (
                    <p class="search-snippet">
                      <Highlighted text={hit.snippet} terms={hit.matchedTerms} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </Page>
  );
}

/** For routes written in plain TypeScript. */
export function searchPage(props: SearchPageProps) {
  return <SearchPage {...props} />;
}
