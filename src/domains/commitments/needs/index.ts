/**
 * The needs dashboard (/admin/besoins): what citizens ask, through which channel, when, what the
 * assistant settles alone, and where requests wait — each figure linked to the items behind it.
 * Not re-exported by the commitments index: the cases domain imports that index, and this folder
 * reads cases.
 */

export {
  canonicalTopic,
  findTopicTitles,
  parseTopic,
  type TopicRef,
  topicKeyOf,
  topicParam,
} from "../../knowledge/topics/index.ts";
export { buildNeedsDashboard, TOP_TOPICS, TOP_TOPICS_PER_CHANNEL } from "./build-needs-dashboard.ts";
export { isConversationHandle } from "./conversation-handle.ts";
export {
  CONVERSATION_VIEWED_ACTION,
  type ConversationTranscript,
  getConversationTranscript,
  TRANSCRIPT_NOT_FOUND_MESSAGE,
} from "./get-conversation-transcript.ts";
export {
  CONVERSATION_OUTCOMES,
  type ConversationListFilters,
  type ConversationListItem,
  type ConversationListPage,
  type ConversationOutcomeFilter,
  type HelpfulVote,
  listConversations,
} from "./list-conversations.ts";
export { loadNeedsDashboard } from "./load-needs-dashboard.ts";
export {
  canReadNeeds,
  canReadTranscripts,
  NEEDS_ROLE_REQUIRED_MESSAGE,
  TRANSCRIPT_ROLE_REQUIRED_MESSAGE,
} from "./needs-access.ts";
export type {
  ChannelKey,
  HeatMap,
  NeedsDashboard,
  ShownRate,
  StatusCell,
  StatusTimeRow,
  TopicRow,
} from "./needs-dashboard.ts";
export {
  addDays,
  DEFAULT_DAYS,
  type NeedsPeriod,
  type NeedsPeriodParams,
  PERIOD_CHOICES,
  type PeriodChoice,
  type PeriodField,
  parseNeedsPeriod,
  periodDays,
  quarterOf,
  recentQuarters,
} from "./needs-period.ts";
export { summariseUnanswered, type UnansweredSummary } from "./summarise-unanswered.ts";
