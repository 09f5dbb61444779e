export { quoteOf, type SourceInput } from "./action-sources.ts";
export {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ACTION_TRANSITIONS,
  nextActionStatus,
  SUGGESTION_STATUS_LABELS,
} from "./action-status.ts";
export type { ActionForm, ActionFormError, ImprovementAction } from "./improvement-action.ts";
export {
  type ActionListEntry,
  type ActionSource,
  getImprovementActionForAgent,
  listImprovementActions,
  listPublicActions,
  listSuggestions,
  type PublicAction,
  type SuggestionEntry,
} from "./list-actions.ts";
export {
  changeImprovementActionStatus,
  createImprovementAction,
  linkFeedbackToAction,
  updateImprovementAction,
} from "./manage-improvement-actions.ts";
export {
  changeSuggestionStatus,
  type SuggestionError,
  type SuggestionForm,
  submitSuggestion,
} from "./suggestions.ts";
