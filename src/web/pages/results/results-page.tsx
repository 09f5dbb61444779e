/**
 * /resultats: the latest published results, or one chosen among the published periods, with links to
 * the same figures as CSV and JSON. Only ever a published snapshot (never live figures).
 */
import type { VNode } from "preact";
import type { PublishedPeriod, ResultsPublication } from "../../../domains/commitments/index.ts";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { formatFrenchDate } from "../french-date.ts";
import { capitalise, periodLabel } from "./results-format.ts";
import { ResultsReport } from "./results-report.tsx";

export const RESULTS_PATH = "/resultats";
export const RESULTS_CSS = "/assets/results.css";
export const CHARTS_CSS = "/assets/charts.css";
export const publicationPath = (id: string): string => `${RESULTS_PATH}/${id}`;

function PeriodPicker(props: { periods: PublishedPeriod[]; currentId: string }) {
  if (props.periods.length < 2) return null;
  return (
    <nav class="results-periods" aria-labelledby="resultats-periodes">
      <h2 id="resultats-periodes">Autres périodes publiées</h2>
      <ul>
        {props.periods.map((published) => (
          <li>
            <a
              href={publicationPath(published.id)}
              aria-current={published.id === props.currentId ? "page" : undefined}
            >
              {capitalise(periodLabel(published.period))}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function OpenData(props: { id: string }) {
  return (
    <section class="results-open-data" aria-labelledby="resultats-donnees">
      <h2 id="resultats-donnees">Données ouvertes</h2>
      <p>
        Les mêmes chiffres, à réutiliser librement. Le fichier CSV s'ouvre dans un tableur (séparateur
        point-virgule, virgule décimale) ; le fichier JSON suit le format « guichet.resultats/v1 ».
      </p>
      <ul>
        <li>
          <a href={`${publicationPath(props.id)}.csv`} download>
            Télécharger les résultats au format CSV
          </a>
        </li>
        <li>
          <a href={`${publicationPath(props.id)}.json`}>Télécharger les résultats au format JSON</a>
        </li>
      </ul>
    </section>
  );
}

export function ResultsPage(props: {
  site: SiteContext;
  publication: ResultsPublication | null;
  periods: PublishedPeriod[];
}) {
  const { publication } = props;
  const period = publication ? periodLabel(publication.snapshot.period) : "";
  return (
    <Page
      site={props.site}
      title={publication ? `Nos résultats : ${period}` : "Nos résultats"}
      description="Délais tenus, satisfaction des usagers, joignabilité : les résultats publiés de nos services."
      path={RESULTS_PATH}
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Nos résultats" }]}
      stylesheets={[CHARTS_CSS, RESULTS_CSS]}
    >
      <div class="results">
        <h1>Nos résultats{publication ? ` : ${period}` : ""}</h1>
        {publication ? (
          <>
            <p class="lead">
              Ce que nous nous engageons à faire, et ce que nous avons fait, à partir de ce qui s'est
              réellement passé. Résultats publiés le{" "}
              {formatFrenchDate(publication.publishedAt ?? publication.createdAt)}.
            </p>
            <PeriodPicker periods={props.periods} currentId={publication.id} />
            <ResultsReport snapshot={publication.snapshot} />
            <OpenData id={publication.id} />
          </>
        ) : (
          <p class="lead">Aucun résultat n'a encore été publié. Revenez bientôt.</p>
        )}
      </div>
    </Page>
  );
}

export const resultsView = (props: Parameters<typeof ResultsPage>[0]): VNode => <ResultsPage {...props} />;
