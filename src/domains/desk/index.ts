export {
  type AnswerTemplate,
  createAnswerTemplate,
  deleteAnswerTemplate,
  getAnswerTemplate,
  listAnswerTemplates,
  MAX_TEMPLATE_BODY_LENGTH,
  MAX_TEMPLATE_TITLE_LENGTH,
} from "./answer-templates.ts";
export { type DeskAgent, findCaseIdByReference, findCaseReference, listDeskAgents } from "./desk-queries.ts";
