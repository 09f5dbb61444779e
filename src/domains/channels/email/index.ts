export {
  type CitizenEmails,
  deleteCitizenEmails,
  deleteEmailsOfCases,
  listCitizenEmails,
} from "./case-email-records.ts";
export { AUTOMATIC_HEADERS, detectAutomaticEmail } from "./detect-automatic.ts";
export type { EmailAttachment, EmailSender, EmailToSend, SendResult } from "./email-sender.port.ts";
export { listUnsettledInboundEmails, markInboundEmail, storeInboundEmail } from "./inbound.repo.ts";
export type { InboundAttachment, InboundEmailContent, ParsedInbound } from "./inbound-email.ts";
export { type CaseEmail, listCaseEmails } from "./list-case-emails.ts";
export { listRejectedInbound, type RejectedInboundEmail } from "./list-rejected-inbound.ts";
export { messageIdDomain, newMessageId, recordMessageIdDomain } from "./message-id.ts";
export { enqueueEmail, OUTBOX_NOTIFY_CHANNEL, type OutgoingEmail } from "./outbox.ts";
export { createEmailWorker, startEmailWorker, type WorkerRunReport } from "./outbox-worker.ts";
export { type InboundEmailDeps, type InboundOutcome, processInboundEmail } from "./process-inbound-email.ts";
export { purgeExpiredEmails } from "./purge-expired-emails.ts";
