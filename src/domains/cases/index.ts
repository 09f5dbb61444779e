export { type AddCitizenMessageResult, addCitizenMessage } from "./add-citizen-message.ts";
export { addInternalNote } from "./add-internal-note.ts";
export { assignCase } from "./assign-case.ts";
export {
  type AcceptedContentType,
  detectContentType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
} from "./attachment-check.ts";
export type { AuditAction } from "./audit-log.ts";
export {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  type Case,
  type CaseActor,
  type CaseAttachmentInfo,
  type CaseChannel,
  type CaseContact,
  type CaseMessage,
  type CasePriority,
  type CaseStatus,
  type IncomingAttachment,
  isCaseChannel,
  isCasePriority,
  isCaseStatus,
} from "./case.ts";
export { CASE_ACTIVITY_CHANNEL, type CaseActivity } from "./case-activity.ts";
export { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from "./case-input.ts";
export { DEFAULT_CASE_PREFIX, findReferencesInText, isValidCasePrefix } from "./case-reference.ts";
export {
  AGENT_STATUS_TRANSITIONS,
  CASE_STATUS_LABELS,
  type CaseStatusEvent,
  nextCaseStatus,
} from "./case-status.ts";
export { changeCaseStatus } from "./change-case-status.ts";
export {
  CITIZEN_EXPORT_FORMAT,
  type CitizenDataExport,
  eraseCitizenData,
  exportCitizenData,
  findCitizenCases,
} from "./citizen-data.ts";
export { closeResolvedCases } from "./close-resolved-cases.ts";
export { findCaseByReferenceAndEmail } from "./find-case-by-reference-and-email.ts";
export { findCaseByTrackingToken } from "./find-case-by-tracking-token.ts";
export { findCaseForEmailReply } from "./find-case-for-email-reply.ts";
export {
  type AttachmentDownload,
  getCaseAttachmentForAgent,
  getCaseAttachmentForCitizen,
} from "./get-case-attachment.ts";
export { type AgentCaseView, type CaseHistoryEntry, getCaseForAgent } from "./get-case-for-agent.ts";
export {
  type InboxFilters,
  type InboxItem,
  type InboxPage,
  type InboxTopic,
  listInbox,
} from "./list-inbox.ts";
export { listPublicAgentMessages, type PublicAgentMessage } from "./list-public-agent-messages.ts";
export { mergeCases } from "./merge-cases.ts";
export { type OpenCaseInput, type OpenCaseResult, openCase } from "./open-case.ts";
export type { PublicCaseView } from "./public-case-view.ts";
export { purgeExpiredCases } from "./purge-expired-cases.ts";
export { replyToCase } from "./reply-to-case.ts";
export { removeTeamMember, renameTeam, TEAM_NOT_FOUND_MESSAGE } from "./team-admin.ts";
export { addTeamMember, createTeam, listTeams, type Team } from "./teams.ts";
export { ERASED_BODY, ERASED_SUBJECT, PURGED_SUBJECT, type WipeCounts } from "./wipe-cases.ts";
