/** Published results ("Services Publics +"): compute a period, keep a draft, publish, export. */
export { buildResultsSnapshot } from "./build-results-snapshot.ts";
export { computeResults } from "./compute-results.ts";
export { discardResultsDraft } from "./discard-results-draft.ts";
export { RESULTS_CSV_COLUMNS, resultsCsv, resultsJson } from "./export-results.ts";
export {
  findPublishedResults,
  listPublishedPeriods,
  type PublishedPeriod,
} from "./find-published-results.ts";
export {
  getResultsPublication,
  listResultsPublications,
  type PublicationSummary,
} from "./list-results-publications.ts";
export { prepareResultsDraft } from "./prepare-results-draft.ts";
export { publishResults } from "./publish-results.ts";
export { csvNumber, parseCsv, type ResultsCsvRow, readResultsCsv } from "./read-results-csv.ts";
export {
  CALLS_COMMITMENT_DEFINITION,
  commitmentDefinition,
  type FeedbackFigures,
  type ResultInputs,
  resultIndicators,
} from "./result-indicators.ts";
export {
  MAX_RESULTS_DAYS,
  monthPeriod,
  monthsOf,
  type PeriodChoice,
  type PeriodField,
  parseResultsPeriod,
  quarterPeriod,
  type ResultsPeriod,
  recentPeriodChoices,
  yearPeriod,
} from "./results-period.ts";
export type { ResultsPublication } from "./results-publications.repo.ts";
export {
  type IndicatorUnit,
  isResultsSnapshot,
  RESULTS_SCHEMA,
  type ResultIndicator,
  type ResultSeries,
  type ResultsSnapshot,
  ResultsSnapshotSchema,
  UNIT_DECIMALS,
} from "./results-snapshot.ts";
export { withdrawResults } from "./withdraw-results.ts";
