/** Analysis of the feedback: indicators, breakdowns, emerging topics, drill-down, exports. */
export { analyseVerbatim, type VerbatimAnalysis } from "./analyse-verbatim.ts";
export * from "./analysis-labels.ts";
export { type AnalysisPeriod, previousPeriod } from "./analysis-period.ts";
export {
  type AnalysisParams,
  analysisSearchParams,
  canReadFeedbackAnalysis,
  type ParsedAnalysisQuery,
  parseAnalysisQuery,
} from "./analysis-query.ts";
export * from "./compute-indicators.ts";
export { detectEmergingTopics, EMERGING_RULES, type EmergingTopic } from "./detect-emerging-topics.ts";
export { answersCsv, answersJson, indicatorsCsv, indicatorsJson } from "./export-analysis.ts";
export { type AnswerForRollups, addAnswerToRollups, parisDay } from "./feedback-rollups.ts";
export { type ComparedIndicators, INDICATOR_KEYS, type IndicatorKey, type Indicators } from "./indicators.ts";
export { type AnswerExportRow, listAnswersForExport } from "./list-answers-for-export.ts";
export { listVerbatims, type VerbatimPage, type VerbatimRow } from "./list-verbatims.ts";
export type { AnalysisFilters } from "./rollup-sums.ts";
export { VERBATIM_TOPICS, verbatimTopicLabel } from "./verbatim-topics.ts";
