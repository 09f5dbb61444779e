export { addCalendarClosure, MAX_CLOSURES } from "./add-calendar-closure.ts";
export { advanceSlaClock, type SlaColumnChanges } from "./advance-sla-clock.ts";
export {
  addBusinessDays,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  isOpenDay,
  openingPeriods,
  parisDayOf,
  parisInstant,
  type Weekday,
} from "./business-calendar.ts";
export { calendarFromSettings, getBusinessCalendar } from "./calendar-settings.ts";
export {
  type CallsCommitment,
  type CaseCommitment,
  type CaseMeasure,
  COMMITMENT_CHANNELS,
  COMMITMENT_DELAY_UNITS,
  COMMITMENT_MEASURES,
  type CommitmentChannel,
  type CommitmentDelayUnit,
  type CommitmentInput,
  type CommitmentMeasure,
  isCaseCommitment,
  MAX_DELAY_AMOUNT,
  type ServiceCommitment,
} from "./commitment.ts";
export { type ProcedureField, procedureFields } from "./commitment-procedure.ts";
export { computeDueDate, type Delay, type Pause } from "./compute-due-date.ts";
export { createCommitment } from "./create-commitment.ts";
export { type BusinessSpan, businessSpan, describeSla, type SlaView } from "./describe-sla.ts";
export { findCommitmentProcedures } from "./find-commitment-procedures.ts";
export { easterSunday, frenchHolidays, type HolidayRegion, type IsoDay } from "./french-holidays.ts";
export { type CaseSla, getCaseSla } from "./get-case-sla.ts";
export { commitmentNotFound, getCommitment } from "./get-commitment.ts";
export { listCommitments } from "./list-commitments.ts";
export { listProcedureChoices, type ProcedureChoice } from "./list-procedure-choices.ts";
export { type CommitmentScope, caseTopicKeys, matchCommitment } from "./match-commitment.ts";
export { removeCalendarClosure } from "./remove-calendar-closure.ts";
// Published results (/resultats): compute a period, draft, publish, export.
export * from "./results/index.ts";
export { RISK_DIGEST_ACTION, type RiskDigestReport, sendRiskDigest } from "./send-risk-digest.ts";
export { setCommitmentActive } from "./set-commitment-active.ts";
export { type StartedSlaClock, startSlaClock } from "./start-sla-clock.ts";
export type {
  ActivityFigures,
  ArrivalSource,
  IsoDay as StatsDay,
  StatsPeriod,
  TopicKey,
} from "./statistics/activity-figures.ts";
export {
  assistantAnswerRate,
  commitmentsKept,
  deflectionRate,
  handoffRate,
  isShown,
  MIN_SAMPLE,
  phoneAnswers,
  type Rate,
  reachability,
  reachabilityByChannel,
} from "./statistics/activity-indicators.ts";
export { readActivityFigures } from "./statistics/read-activity-figures.ts";
export {
  DEFAULT_REFRESH_DAYS,
  type RefreshReport,
  refreshActivityRollups,
} from "./statistics/refresh-activity-rollups.ts";
export {
  MAX_PERIODS_PER_DAY,
  type PeriodInput,
  parseBusinessHours,
  updateBusinessHours,
  WEEKDAYS,
} from "./update-business-hours.ts";
export { updateCommitment } from "./update-commitment.ts";
