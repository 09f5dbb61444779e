import type { VNode } from "preact";
import {
  type AnalysisParams,
  analysisSearchParams,
  answerTopicLabel,
  type Breakdown,
  type ComparedIndicators,
  channelLabel,
  describeChange,
  EMERGING_RULES,
  type EmergingTopic,
  formatDecimal,
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  type IndicatorKey,
  type IndicatorsReport,
  type ParsedAnalysisQuery,
  type TimeSeries,
} from "../../../domains/feedback/analysis/index.ts";
import { BarChart, type BarDatum, formatNumber, LineChart } from "../../charts/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { ErrorSummary, type FieldError } from "../form-fields.tsx";
import { ANALYSIS_PATH, AnalysisFilters, VERBATIMS_PATH } from "./analysis-filters.tsx";

export type AnalysisData = {
  query: ParsedAnalysisQuery;
  report: IndicatorsReport;
  byChannel: Breakdown;
  byTopic: Breakdown;
  series: TimeSeries;
  emerging: EmergingTopic[];
  /** Titles of the pages answered about, by canonical topic key. */
  topicTitles: ReadonlyMap<string, string>;
};

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const frenchDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
const lastDay = (to: string) =>
  new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function formatIndicator(key: IndicatorKey, value: number | null): string {
  if (value === null) return "—";
  const { unit, decimals } = INDICATOR_LABELS[key];
  const number = formatDecimal(value, decimals);
  if (unit === "%") return `${number} %`;
  if (unit.startsWith("/")) return `${number} ${unit}`;
  return number;
}

function Change(props: { indicator: IndicatorKey; change: number | null }) {
  const change = describeChange(props.indicator, props.change);
  return (
    <span class={`change change-${change.tone}`}>
      {change.arrow ? <span aria-hidden="true">{change.arrow} </span> : null}
      {change.text}
      {change.tone === "better" ? " (mieux)" : change.tone === "worse" ? " (moins bien)" : ""}
    </span>
  );
}

function IndicatorTable(props: { indicators: ComparedIndicators }) {
  const i = props.indicators;
  return (
    <div class="table-wrap">
      <table>
        <caption>Indicateurs de la période, comparés à la période précédente de même durée</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Valeur</th>
            <th scope="col">Réponses prises en compte</th>
            <th scope="col">Période précédente</th>
            <th scope="col">Évolution</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Nombre de réponses</th>
            <td>{i.answers}</td>
            <td>{i.answers}</td>
            <td>{i.previousAnswers}</td>
            <td>
              {i.answers - i.previousAnswers >= 0
                ? `+${i.answers - i.previousAnswers}`
                : i.answers - i.previousAnswers}
            </td>
          </tr>
          {INDICATOR_KEYS.map((key) => (
            <tr>
              <th scope="row">{INDICATOR_LABELS[key].label}</th>
              <td>{formatIndicator(key, i[key].value)}</td>
              <td>{i[key].n}</td>
              <td>{formatIndicator(key, i[key].previous.value)}</td>
              <td>
                <Change indicator={key} change={i[key].change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const BREAKDOWN_COLUMNS: IndicatorKey[] = ["satisfaction", "clarity", "helpReachable", "autonomy", "nps"];

function BreakdownTable(props: {
  caption: string;
  head: string;
  rows: Breakdown;
  label: (key: string) => string;
  link: (key: string) => string;
}) {
  if (props.rows.length === 0) return <p>Aucune réponse sur la période.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            <th scope="col">Réponses</th>
            {BREAKDOWN_COLUMNS.map((key) => (
              <th scope="col">{INDICATOR_LABELS[key].label}</th>
            ))}
            <th scope="col">Évolution de la satisfaction</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={props.link(row.key)}>{props.label(row.key)}</a>
              </th>
              <td>{row.indicators.answers}</td>
              {BREAKDOWN_COLUMNS.map((key) => (
                <td>{formatIndicator(key, row.indicators[key].value)}</td>
              ))}
              <td>
                <Change indicator="satisfaction" change={row.indicators.satisfaction.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Topics beyond this many are in the table only: a chart of 40 bars tells nothing. */
const CHART_ROWS = 12;

/** Overall satisfaction of each row as bars (out of 10); the table below holds every figure and link. */
function SatisfactionBars(props: { title: string; rows: Breakdown; label: (key: string) => string }) {
  if (props.rows.length < 2) return null;
  const data: BarDatum[] = props.rows.slice(0, CHART_ROWS).map((row) => {
    const { value, n } = row.indicators.satisfaction;
    return {
      label: props.label(row.key),
      value: value ?? 0,
      hidden: value === null,
      display:
        value === null
          ? "pas de réponse à cette question"
          : `${formatIndicator("satisfaction", value)} (${n} réponse${n > 1 ? "s" : ""})`,
    };
  });
  return (
    <figure class="chart-figure">
      <figcaption>
        <span class="chart-caption">{props.title}</span>
        <span class="chart-note"> Toutes les valeurs sont dans le tableau qui suit.</span>
      </figcaption>
      <div class="chart-drawing">
        <BarChart title={props.title} data={data} max={10} />
      </div>
    </figure>
  );
}

function EmergingTopics(props: { data: AnalysisData }) {
  const { emerging, query } = props.data;
  return (
    <section aria-labelledby="emergents-titre">
      <h2 id="emergents-titre">Sujets émergents</h2>
      <p class="hint">
        Thèmes des commentaires cités au moins {EMERGING_RULES.minCount} fois dans les{" "}
        {EMERGING_RULES.recentDays} derniers jours de la période, au moins {EMERGING_RULES.ratio} fois plus
        qu'une semaine habituelle (moyenne des {EMERGING_RULES.baselineWeeks} semaines précédentes), et de
        façon peu probable par hasard.
      </p>
      {emerging.length === 0 ? (
        <p>Aucun sujet émergent.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>Sujets émergents, du plus inattendu au moins inattendu</caption>
            <thead>
              <tr>
                <th scope="col">Thème</th>
                <th scope="col">Mentions sur 7 jours</th>
                <th scope="col">Moyenne par semaine avant</th>
                <th scope="col">Multiplié par</th>
                <th scope="col">Commentaires</th>
              </tr>
            </thead>
            <tbody>
              {emerging.map((topic) => (
                <tr>
                  <th scope="row">{topic.label}</th>
                  <td>{topic.recent}</td>
                  <td>{formatDecimal(topic.baselineWeekly, 1)}</td>
                  <td>{topic.ratio === null ? "nouveau" : formatDecimal(topic.ratio, 1)}</td>
                  <td>
                    <a
                      href={`${VERBATIMS_PATH}?${analysisSearchParams({
                        ...query,
                        period: { from: topic.from, to: topic.to },
                        verbatimTopic: topic.topic,
                      })}`}
                    >
                      Lire les commentaires<span class="visually-hidden"> : {topic.label}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SeriesTable(props: { series: TimeSeries }) {
  const label = { day: "Jour", week: "Semaine du", month: "Mois de" }[props.series.bucket];
  if (props.series.points.length === 0) return null;
  return (
    <section aria-labelledby="evolution-titre">
      <h2 id="evolution-titre">Évolution dans la période</h2>
      {props.series.points.length > 1 ? (
        <figure class="chart-figure">
          <figcaption>
            <span class="chart-caption">Satisfaction globale sur 10</span>
            <span class="chart-note"> Les valeurs sont dans le tableau qui suit.</span>
          </figcaption>
          <div class="chart-drawing">
            <LineChart
              title="Satisfaction globale sur 10"
              yMax={10}
              yFormat={(value) => `${formatNumber(value)}/10`}
              series={[
                {
                  name: "Satisfaction globale",
                  points: props.series.points.map((point) => ({
                    x: frenchDay(point.start),
                    y: point.indicators.satisfaction.value,
                  })),
                },
              ]}
            />
          </div>
        </figure>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>
            Réponses et satisfaction par{" "}
            {props.series.bucket === "day" ? "jour" : props.series.bucket === "week" ? "semaine" : "mois"}
          </caption>
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col">Réponses</th>
              <th scope="col">Satisfaction globale</th>
              <th scope="col">Clarté de l'information</th>
            </tr>
          </thead>
          <tbody>
            {props.series.points.map((point) => (
              <tr>
                <th scope="row">{frenchDay(point.start)}</th>
                <td>{point.indicators.answers}</td>
                <td>{formatIndicator("satisfaction", point.indicators.satisfaction.value)}</td>
                <td>{formatIndicator("clarity", point.indicators.clarity.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Exports(props: { query: ParsedAnalysisQuery }) {
  const params = analysisSearchParams(props.query);
  return (
    <section aria-labelledby="exports-titre">
      <h2 id="exports-titre">Exporter</h2>
      <p class="hint">
        Fichiers CSV pour tableur (séparateur point-virgule) ou JSON. Les commentaires sont exportés tels
        qu'enregistrés, sans données personnelles ; les adresses électroniques laissées par les usagers ne
        sont jamais exportées.
      </p>
      <ul>
        <li>
          <a href={`${ANALYSIS_PATH}/export/indicateurs.csv?${params}`}>Indicateurs (CSV)</a>
        </li>
        <li>
          <a href={`${ANALYSIS_PATH}/export/indicateurs.json?${params}`}>Indicateurs (JSON)</a>
        </li>
        <li>
          <a href={`${ANALYSIS_PATH}/export/reponses.csv?${params}`}>Réponses de la période (CSV)</a>
        </li>
        <li>
          <a href={`${ANALYSIS_PATH}/export/reponses.json?${params}`}>Réponses de la période (JSON)</a>
        </li>
      </ul>
    </section>
  );
}

export function AnalysisPage(props: {
  site: SiteContext;
  params: AnalysisParams;
  data?: AnalysisData | undefined;
  error?: FieldError | undefined;
}) {
  const { data } = props;
  return (
    <BackofficePage
      site={props.site}
      title="Analyse des avis"
      hasErrors={props.error !== undefined}
      stylesheets={["/assets/charts.css"]}
    >
      <h1>Analyse des avis</h1>
      <ErrorSummary errors={props.error ? [props.error] : []} />
      <AnalysisFilters action={ANALYSIS_PATH} params={props.params} error={props.error} />
      {data ? (
        <>
          <p>
            Du {frenchDay(data.query.period.from)} au {frenchDay(lastDay(data.query.period.to))}, comparé au{" "}
            {frenchDay(data.report.previousPeriod.from)} – {frenchDay(lastDay(data.report.previousPeriod.to))}
            .{" "}
            <a href={`${VERBATIMS_PATH}?${analysisSearchParams(data.query)}`}>
              Lire tous les commentaires de la période
            </a>
          </p>
          <section aria-labelledby="indicateurs-titre">
            <h2 id="indicateurs-titre">Indicateurs</h2>
            <IndicatorTable indicators={data.report.indicators} />
          </section>
          <EmergingTopics data={data} />
          <section aria-labelledby="canaux-titre">
            <h2 id="canaux-titre">Par canal</h2>
            <SatisfactionBars
              title="Satisfaction globale par canal"
              rows={data.byChannel}
              label={channelLabel}
            />
            <BreakdownTable
              caption="Indicateurs par canal (lien : la même analyse pour ce canal seul)"
              head="Canal"
              rows={data.byChannel}
              label={channelLabel}
              link={(key) =>
                `${ANALYSIS_PATH}?${analysisSearchParams({ ...data.query, filters: { ...data.query.filters, channel: key as never } })}`
              }
            />
          </section>
          <section aria-labelledby="sujets-titre">
            <h2 id="sujets-titre">Par démarche ou sujet</h2>
            <SatisfactionBars
              title={`Satisfaction globale des ${Math.min(CHART_ROWS, data.byTopic.length)} démarches les plus répondues`}
              rows={data.byTopic}
              label={(key) => answerTopicLabel(key, data.topicTitles)}
            />
            <BreakdownTable
              caption="Indicateurs par démarche, les plus répondues d'abord (lien : la même analyse pour cette démarche seule)"
              head="Démarche ou sujet"
              rows={data.byTopic}
              label={(key) => answerTopicLabel(key, data.topicTitles)}
              link={(key) =>
                `${ANALYSIS_PATH}?${analysisSearchParams({ ...data.query, filters: { ...data.query.filters, topic: key } })}`
              }
            />
          </section>
          <SeriesTable series={data.series} />
          <Exports query={data.query} />
        </>
      ) : null}
    </BackofficePage>
  );
}

export const analysisView = (props: Parameters<typeof AnalysisPage>[0]): VNode => <AnalysisPage {...props} />;
