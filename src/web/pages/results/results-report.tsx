/**
 * The body of a results publication, from its snapshot only: the public page and the back office's
 * preview render this same component, so what the manager checks is what citizens will read.
 * Each indicator shows its label, value (or why there is none), definition, sample size and period;
 * charts come with the same data as a table.
 */
import type { ResultIndicator, ResultSeries, ResultsSnapshot } from "../../../domains/commitments/index.ts";
import {
  BarChart,
  type BarDatum,
  barChartTable,
  ChartFigure,
  LineChart,
  lineChartTable,
} from "../../charts/index.ts";
import { formatFrenchDate } from "../french-date.ts";
import {
  capitalise,
  formatUnitValue,
  INSUFFICIENT_SAMPLE,
  indicatorValueText,
  monthLabel,
  periodLabel,
  sampleText,
} from "./results-format.ts";

type Section = { key: string; title: string; intro: string; match: (id: string) => boolean };

const SECTIONS: Section[] = [
  {
    key: "engagements",
    title: "Nos engagements de service",
    intro: "Les délais que nous annonçons, et la part des demandes pour lesquelles nous les avons tenus.",
    match: (id) => id.startsWith("engagement."),
  },
  {
    key: "satisfaction",
    title: "Satisfaction des usagers",
    intro: "Ce que disent les usagers qui ont donné leur avis après une démarche.",
    match: (id) => id.startsWith("satisfaction."),
  },
  {
    key: "jdma",
    title: "Votre expérience, question par question (« Je donne mon avis »)",
    intro: "Les questions du questionnaire « Je donne mon avis », les mêmes dans toute l'administration.",
    match: (id) => id.startsWith("jdma."),
  },
  {
    key: "joignabilite",
    title: "Joignabilité : des réponses à vos demandes",
    intro: "La part des demandes qui ont reçu une réponse, quel que soit le moyen de nous contacter.",
    match: (id) => id.startsWith("joignabilite."),
  },
  {
    key: "telephone",
    title: "Accueil téléphonique",
    intro: "Les appels pris par l'assistant vocal et ceux décrochés par un agent sont comptés à part.",
    match: (id) => id.startsWith("telephone."),
  },
  {
    key: "assistant",
    title: "Assistant en ligne",
    intro:
      "Les conversations avec l'assistant du site, qui répond à partir des fiches et des questions fréquentes.",
    match: (id) => id.startsWith("assistant."),
  },
];

export const indicatorAnchor = (id: string): string => `indicateur-${id.replace(/[^a-z0-9-]/g, "-")}`;

function targetText(indicator: ResultIndicator): string | null {
  if (indicator.target === undefined) return null;
  const target = `Objectif : ${formatUnitValue(indicator.target, "percent")}`;
  if (!indicator.shown || indicator.value === null) return target;
  return `${target} — ${indicator.value >= indicator.target ? "atteint" : "non atteint"}`;
}

function IndicatorBlock(props: { indicator: ResultIndicator; period: string }) {
  const { indicator } = props;
  const anchor = indicatorAnchor(indicator.id);
  const target = targetText(indicator);
  return (
    <div class={indicator.shown ? "result" : "result result-hidden"} data-indicator={indicator.id}>
      <h3 id={anchor}>{indicator.label}</h3>
      <p class="result-value">{indicatorValueText(indicator)}</p>
      {target ? <p class="result-target">{target}</p> : null}
      <p class="result-definition">{indicator.definition}</p>
      <p class="result-sample">
        Échantillon : {sampleText(indicator.id, indicator.n)} · Période : {props.period}
      </p>
    </div>
  );
}

function barsOf(indicators: ResultIndicator[]): BarDatum[] {
  return indicators.map((indicator) => {
    const target =
      indicator.target === undefined ? "" : ` (objectif ${formatUnitValue(indicator.target, "percent")})`;
    return {
      label: indicator.label,
      value: indicator.value ?? 0,
      hidden: !indicator.shown || indicator.value === null,
      display:
        indicator.shown && indicator.value !== null
          ? `${indicatorValueText(indicator)}${target}`
          : INSUFFICIENT_SAMPLE,
    };
  });
}

function SharesChart(props: {
  title: string;
  indicators: ResultIndicator[];
  labelHeader: string;
  valueHeader: string;
}) {
  const data = barsOf(props.indicators);
  return (
    <ChartFigure
      caption={props.title}
      table={barChartTable(data, { labelHeader: props.labelHeader, valueHeader: props.valueHeader })}
    >
      <BarChart title={props.title} data={data} max={100} />
    </ChartFigure>
  );
}

const CHARTED: Record<string, { title: string; labelHeader: string; valueHeader: string }> = {
  engagements: {
    title: "Part des demandes traitées dans le délai annoncé, par engagement",
    labelHeader: "Engagement",
    valueHeader: "Demandes traitées dans le délai",
  },
  joignabilite: {
    title: "Part des demandes ayant reçu une réponse, par moyen de contact",
    labelHeader: "Moyen de contact",
    valueHeader: "Demandes ayant reçu une réponse",
  },
};

function SeriesCharts(props: { series: ResultSeries[] }) {
  const percent = props.series.filter((s) => s.unit === "percent");
  const scores = props.series.filter((s) => s.unit === "score10");
  const lines = (list: ResultSeries[]) =>
    list.map((s) => ({
      name: s.label,
      points: s.points.map((p) => ({ x: monthLabel(p), y: p.shown ? p.value : null })),
    }));
  const percentFormat = (value: number) => formatUnitValue(value, "percent");
  const scoreFormat = (value: number) => formatUnitValue(value, "score10");
  const missing = "non publié (échantillon insuffisant ou aucune donnée)";
  return (
    <section aria-labelledby="resultats-evolution">
      <h2 id="resultats-evolution">Évolution mois par mois</h2>
      <p>Un mois dont l'échantillon compte moins de 10 éléments n'est pas publié : la courbe s'interrompt.</p>
      {percent.length > 0 ? (
        <ChartFigure
          caption="Engagements, joignabilité et réponses de l'assistant, par mois"
          table={lineChartTable(lines(percent), { xHeader: "Mois", yFormat: percentFormat, missing })}
        >
          <LineChart
            title="Engagements, joignabilité et réponses de l'assistant, par mois"
            series={lines(percent)}
            yMax={100}
            yFormat={(value) => `${Math.round(value)}\u00a0%`}
          />
        </ChartFigure>
      ) : null}
      {scores.length > 0 ? (
        <ChartFigure
          caption="Satisfaction globale par mois, sur 10"
          table={lineChartTable(lines(scores), { xHeader: "Mois", yFormat: scoreFormat, missing })}
        >
          <LineChart
            title="Satisfaction globale par mois, sur 10"
            series={lines(scores)}
            yMax={10}
            yFormat={scoreFormat}
          />
        </ChartFigure>
      ) : null}
    </section>
  );
}

export function ResultsReport(props: { snapshot: ResultsSnapshot }) {
  const { snapshot } = props;
  const period = periodLabel(snapshot.period);
  return (
    <div class="results-report">
      <p class="results-about">
        {capitalise(period)}. Chiffres calculés le {formatFrenchDate(new Date(snapshot.computedAt))} à partir
        des demandes, conversations et avis enregistrés. Un chiffre calculé sur moins de {snapshot.minSample}{" "}
        éléments n'est pas publié : il ne dirait rien de sûr et pourrait désigner une personne.
      </p>
      {SECTIONS.map((section) => {
        const indicators = snapshot.indicators.filter((indicator) => section.match(indicator.id));
        if (indicators.length === 0) return null;
        const chart = CHARTED[section.key];
        return (
          <section aria-labelledby={`resultats-${section.key}`} class="results-section">
            <h2 id={`resultats-${section.key}`}>{section.title}</h2>
            <p>{section.intro}</p>
            <div class="results-grid">
              {indicators.map((indicator) => (
                <IndicatorBlock indicator={indicator} period={period} />
              ))}
            </div>
            {chart ? <SharesChart {...chart} indicators={indicators} /> : null}
          </section>
        );
      })}
      {snapshot.series.length > 0 ? <SeriesCharts series={snapshot.series} /> : null}
    </div>
  );
}
