export { isAgentAvailable, markAgentAway, markAgentPresent } from "./agent-presence.ts";
export {
  type AssistantReply,
  CONVERSATION_CHANNELS,
  type ConversationChannel,
  type ConversationEntry,
  MAX_MESSAGE_LENGTH,
  type ReplyChoice,
  type ReplyKind,
  type ReplySource,
} from "./assistant.types.ts";
export { type AssistantContext, createAssistantContext } from "./assistant-context.ts";
export { CONVERSATION_NOT_FOUND_MESSAGE } from "./conversation-errors.ts";
export { isConversationId } from "./conversation-id.ts";
export { CONVERSATION_IDLE_MS, type FinalOutcome, finalOutcome } from "./conversation-outcome.ts";
export { createFaqFromUnanswered, dismissUnanswered, FAQ_DRAFT_BODY } from "./handle-unanswered-questions.ts";
export { listConversationEntries } from "./list-conversation-entries.ts";
export {
  groupQuestions,
  listUnansweredQuestions,
  type UnansweredGroup,
} from "./list-unanswered-questions.ts";
export type { ChatCompletionRequest, ChatCompletionResult, ChatMessage, LlmClient } from "./llm.port.ts";
export { loadConversation, postCitizenMessage, type TurnReply } from "./post-citizen-message.ts";
export { purgeExpiredConversations } from "./purge-expired-conversations.ts";
export { rateConversation } from "./rate-conversation.ts";
export { startConversation } from "./start-conversation.ts";
export { type Suggestion, suggestAnswers } from "./suggest-answers.ts";
export { voteOnReply } from "./vote-on-reply.ts";
