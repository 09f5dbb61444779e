import type { VNode } from "preact";
import {
  type AnalysisParams,
  analysisSearchParams,
  answerTopicLabel,
  channelLabel,
  formatDecimal,
  KIND_LABELS,
  type ParsedAnalysisQuery,
  type VerbatimPage,
  verbatimTopicLabel,
} from "../../../domains/feedback/analysis/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { ErrorSummary, type FieldError } from "../form-fields.tsx";
import { formatDateTime } from "../labels.ts";
import { ANALYSIS_PATH, AnalysisFilters, VERBATIMS_PATH } from "./analysis-filters.tsx";

const SATISFACTION_WORDS: Record<number, string> = { 10: "Très bien", 5: "Moyen", 0: "Pas bien" };

function tone(sentiment: number | null): string {
  if (sentiment === null) return "neutre";
  if (sentiment >= 0.2) return `positif (${formatDecimal(sentiment, 2)})`;
  if (sentiment <= -0.2) return `négatif (${formatDecimal(sentiment, 2)})`;
  return `mitigé (${formatDecimal(sentiment, 2)})`;
}

/** Drill-down: the comments behind the figures, newest first. */
export function VerbatimsPage(props: {
  site: SiteContext;
  params: AnalysisParams;
  query?: ParsedAnalysisQuery | undefined;
  page?: VerbatimPage | undefined;
  topicTitles?: ReadonlyMap<string, string>;
  error?: FieldError | undefined;
}) {
  const { query, page } = props;
  const theme = query?.verbatimTopic;
  const title = theme ? `Commentaires : ${verbatimTopicLabel(theme)}` : "Commentaires des usagers";
  return (
    <BackofficePage site={props.site} title={title} hasErrors={props.error !== undefined}>
      <h1>{title}</h1>
      <p>
        <a
          href={
            query
              ? `${ANALYSIS_PATH}?${analysisSearchParams({ ...query, verbatimTopic: undefined })}`
              : ANALYSIS_PATH
          }
        >
          Retour à l'analyse
        </a>
      </p>
      <p class="hint">
        Les commentaires ont été débarrassés des données personnelles (adresses, numéros, noms) avant leur
        enregistrement.
      </p>
      <ErrorSummary errors={props.error ? [props.error] : []} />
      <AnalysisFilters action={VERBATIMS_PATH} params={props.params} error={props.error} />
      {query && page ? (
        page.rows.length === 0 ? (
          <p>Aucun commentaire ne correspond.</p>
        ) : (
          <>
            <ol class="verbatims">
              {page.rows.map((row) => (
                <li>
                  <blockquote>
                    <p>{row.verbatim}</p>
                  </blockquote>
                  <p class="hint">
                    {formatDateTime(row.submittedAt)} · {channelLabel(row.channel)} · {KIND_LABELS[row.kind]}{" "}
                    · {answerTopicLabel(row.topic, props.topicTitles)}
                    {row.satisfaction !== null
                      ? ` · ${SATISFACTION_WORDS[row.satisfaction] ?? row.satisfaction}`
                      : ""}{" "}
                    · tonalité {tone(row.sentiment)}
                    {row.verbatimTopics.length > 0
                      ? ` · thèmes : ${row.verbatimTopics.map(verbatimTopicLabel).join(", ")}`
                      : ""}
                  </p>
                </li>
              ))}
            </ol>
            <nav aria-label="Pages de commentaires">
              <p>
                {props.params.apres ? (
                  <a href={`${VERBATIMS_PATH}?${analysisSearchParams(query)}`}>Revenir aux plus récents</a>
                ) : null}
                {page.nextCursor ? (
                  <>
                    {props.params.apres ? " · " : null}
                    <a href={`${VERBATIMS_PATH}?${analysisSearchParams(query, { apres: page.nextCursor })}`}>
                      Commentaires plus anciens
                    </a>
                  </>
                ) : null}
              </p>
            </nav>
          </>
        )
      ) : null}
    </BackofficePage>
  );
}

export const verbatimsView = (props: Parameters<typeof VerbatimsPage>[0]): VNode => (
  <VerbatimsPage {...props} />
);
