/** Questionnaires edited by admins: versions, custom questionnaires, publication. */
export { checkDefinitionText, type DefinitionCheck, type DefinitionError } from "./check-definition.ts";
export { createQuestionnaire } from "./create-questionnaire.ts";
export { CUSTOM_TEMPLATE } from "./custom-template.ts";
export { definitionJson } from "./definition-json.ts";
export {
  getQuestionnaire,
  type QuestionnaireDetail,
  type QuestionnaireVersionSummary,
} from "./get-questionnaire.ts";
export { indicatorOf } from "./indicator-fields.ts";
export { listQuestionnaires, type QuestionnaireSummary } from "./list-questionnaires.ts";
export {
  nextQuestionnaireStatus,
  QUESTIONNAIRE_TRANSITIONS,
  type QuestionnaireStatus,
  type QuestionnaireStatusAction,
} from "./questionnaire-status.ts";
export { saveQuestionnaireVersion } from "./save-questionnaire-version.ts";
export { setQuestionnaireStatus } from "./set-questionnaire-status.ts";
