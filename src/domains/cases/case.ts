/** The one-desk vocabulary: a case ("demande") is one citizen request, whatever channel it came by. */
export type CaseStatus = "nouveau" | "en_cours" | "en_attente_usager" | "resolu" | "clos";
export const CASE_STATUSES: readonly CaseStatus[] = [
  "nouveau",
  "en_cours",
  "en_attente_usager",
  "resolu",
  "clos",
];

export type CaseChannel = "web" | "email" | "chat" | "phone" | "counter" | "api";
export const CASE_CHANNELS: readonly CaseChannel[] = ["web", "email", "chat", "phone", "counter", "api"];

export type CasePriority = "basse" | "normale" | "haute" | "urgente";
export const CASE_PRIORITIES: readonly CasePriority[] = ["basse", "normale", "haute", "urgente"];

export type MessageAuthor = "citizen" | "agent" | "system";
export type MessageVisibility = "public" | "internal";

export type CaseContact = { name: string | null; email: string | null; phone: string | null };

export type Case = {
  id: string;
  organisationId: string;
  reference: string;
  channel: CaseChannel;
  status: CaseStatus;
  priority: CasePriority;
  subject: string;
  topic: { ficheId: string | null; localItemId: string | null };
  contact: CaseContact;
  teamId: string | null;
  assigneeId: string | null;
  mergedIntoId: string | null;
  openedAt: Date;
  firstAgentReplyAt: Date | null;
  waitingSince: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  /** Set once retention or the citizen's erasure emptied the case (wipe-cases.ts). */
  purgedAt: Date | null;
  /** The SLA clock (domains/commitments): null without a commitment; `slaMet` null while it runs. */
  commitmentId: string | null;
  dueAt: Date | null;
  slaMet: boolean | null;
};

export type CaseAttachmentInfo = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

export type CaseMessage = {
  id: string;
  caseId: string;
  author: MessageAuthor;
  authorAgentId: string | null;
  visibility: MessageVisibility;
  body: string;
  emailMessageId: string | null;
  createdAt: Date;
  attachments: CaseAttachmentInfo[];
};

/** An attachment as received from a form, an e-mail or the API, before checks. */
export type IncomingAttachment = { filename: string; contentType?: string; content: Buffer | Uint8Array };

/** The agent acting; the use cases check that it is an active agent of the case's organisation. */
export type CaseActor = { agentId: string };

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

export function isCaseChannel(value: string): value is CaseChannel {
  return (CASE_CHANNELS as readonly string[]).includes(value);
}

export function isCasePriority(value: string): value is CasePriority {
  return (CASE_PRIORITIES as readonly string[]).includes(value);
}
