export { flagImprovement } from "./flag-improvement.ts";
export { findInsults, maskInsults } from "./insult-words.ts";
export {
  type AgentTestimonialView,
  getTestimonialForAgent,
  listModerationQueue,
  listPublishedTestimonials,
  PUBLIC_PAGE_SIZE,
  type PublicTestimonial,
  type PublicTestimonialPage,
  type QueueEntry,
} from "./list-testimonials.ts";
export {
  approveTestimonial,
  editTestimonialText,
  REASON_MAX,
  rejectTestimonial,
} from "./moderate-testimonial.ts";
export {
  draftTestimonialReply,
  OWN_DRAFT_MESSAGE,
  publishWithoutReply,
  REPLY_MAX,
  unpublishTestimonial,
  validateTestimonialReply,
} from "./reply-to-testimonial.ts";
export { submitTestimonial } from "./submit-testimonial.ts";
export {
  type FeedbackActor,
  MODERATOR_ROLE_MESSAGE,
  SUPERVISOR_ROLE_MESSAGE,
  type Testimonial,
} from "./testimonial.ts";
export { STORY_MAX, type TestimonialForm, TITLE_MAX } from "./testimonial-input.ts";
export {
  isTestimonialTag,
  TESTIMONIAL_CHANNEL_LABELS,
  TESTIMONIAL_FEELING_LABELS,
  TESTIMONIAL_TAGS,
  type TestimonialTag,
} from "./testimonial-labels.ts";
export { TESTIMONIAL_STATUS_LABELS, TESTIMONIAL_STATUSES } from "./testimonial-status.ts";
