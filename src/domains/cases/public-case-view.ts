import type { Db } from "../../shared/database.ts";
import type { Case, CaseAttachmentInfo, CaseStatus, MessageAuthor } from "./case.ts";
import { CASE_STATUS_LABELS } from "./case-status.ts";
import { followMerges, selectMessages } from "./cases.repo.ts";

/** What the citizen sees on the tracking page: no internal notes, no agent ids, no e-mail headers. */
export type PublicCaseView = {
  caseId: string;
  reference: string;
  subject: string;
  status: CaseStatus;
  statusLabel: string;
  openedAt: Date;
  updatedAt: Date;
  /** The citizen may still write (false once the case is closed). */
  canReply: boolean;
  /** Set when the case the citizen opened was merged: the view shows the case it was merged into. */
  mergedFromReference: string | null;
  messages: {
    id: string;
    author: MessageAuthor;
    body: string;
    createdAt: Date;
    attachments: Omit<CaseAttachmentInfo, "sha256">[];
  }[];
};

export async function publicCaseView(db: Db, found: Case): Promise<PublicCaseView> {
  const shown = await followMerges(db, found);
  const messages = await selectMessages(db, shown.organisationId, shown.id, { publicOnly: true });
  return {
    caseId: shown.id,
    reference: shown.reference,
    subject: shown.subject,
    status: shown.status,
    statusLabel: CASE_STATUS_LABELS[shown.status],
    openedAt: shown.openedAt,
    updatedAt: shown.updatedAt,
    canReply: shown.status !== "clos",
    mergedFromReference: shown.id === found.id ? null : found.reference,
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      body: m.body,
      createdAt: m.createdAt,
      attachments: m.attachments.map(({ id, filename, contentType, sizeBytes }) => ({
        id,
        filename,
        contentType,
        sizeBytes,
      })),
    })),
  };
}
