/** The feedback domain's public use cases ("Je donne mon avis" and other questionnaires). */

export { type AnswerIndicators, answerIndicators } from "./answer-indicators.ts";
export { checkFeedbackInvitation, type FeedbackInvitation } from "./check-invitation.ts";
export {
  createFeedbackInvitation,
  feedbackLink,
  INVITATION_TTL_DAYS,
  isInvitationToken,
} from "./create-invitation.ts";
export { ensureStandardQuestionnaires } from "./ensure-standard-questionnaires.ts";
export { ALREADY_ANSWERED } from "./feedback-errors.ts";
export {
  administrationChannels,
  fieldsOf,
  MAX_TEXT_LENGTH,
  PERSONAL_DATA_WARNING,
  parseDefinition,
  type QuestionnaireDefinition,
  type QuestionnaireField,
} from "./questionnaire-definition.ts";
export { findShownVersion } from "./questionnaires/find-shown-version.ts";
export {
  findPublishedQuestionnaire,
  findPublishedQuestionnaireById,
  findQuestionnaireStatus,
  type Questionnaire,
} from "./questionnaires.repo.ts";
export { scrubPersonalData } from "./scrub-personal-data.ts";
export { RESERVED_SLUGS, STANDARD_QUESTIONNAIRES } from "./standard-questionnaires.ts";
export { normaliseTopic, type SubmitAnswerInput, submitFeedbackAnswer } from "./submit-answer.ts";
export type { AnswerError, AnswerInput, ChannelAnswer, StoredAnswer } from "./validate-answers.ts";
