// A page of the knowledge base as the topic of a case, a conversation or an answer: one key per page.
export { findTopicTitles } from "./find-topic-titles.ts";
export {
  canonicalTopic,
  parseTopic,
  type TopicKey,
  type TopicRef,
  topicKeyOf,
  topicParam,
} from "./topic-key.ts";
