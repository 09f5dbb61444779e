import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { isUuid } from "../../shared/ids.ts";
import { recordAudit } from "./audit-log.ts";
import type { CaseActor } from "./case.ts";
import { requireCaseAgent } from "./case-actor.ts";
import { CASE_COLUMNS, followMerges, toCase } from "./cases.repo.ts";
import { hashTrackingToken, looksLikeTrackingToken } from "./tracking-token.ts";

export type AttachmentDownload = {
  id: string;
  filename: string;
  /** Detected from the content when it was received: serve it with this type and as an attachment. */
  contentType: string;
  sizeBytes: number;
  content: Buffer;
};

function attachmentNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "attachment not found",
    userMessage: "Ce document est introuvable.",
  });
}

function selectAttachment(db: Db, organisationId: string, attachmentId: string) {
  return db
    .selectFrom("case_attachments")
    .innerJoin("case_messages", (join) =>
      join
        .onRef("case_messages.id", "=", "case_attachments.message_id")
        .onRef("case_messages.organisation_id", "=", "case_attachments.organisation_id"),
    )
    .select([
      "case_attachments.id",
      "case_attachments.filename",
      "case_attachments.content_type",
      "case_attachments.size_bytes",
      "case_attachments.content",
      "case_messages.case_id",
      "case_messages.visibility",
    ])
    .where("case_attachments.organisation_id", "=", organisationId)
    .where("case_attachments.id", "=", attachmentId)
    .executeTakeFirst();
}

function toDownload(row: NonNullable<Awaited<ReturnType<typeof selectAttachment>>>): AttachmentDownload {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    content: Buffer.from(row.content),
  };
}

/** An agent downloads an attachment of its organisation (audited); another organisation's is NOT_FOUND. */
export async function getCaseAttachmentForAgent(
  db: Db,
  input: { organisationId: string; attachmentId: string; actor: CaseActor; clock: Clock },
): Promise<AttachmentDownload> {
  if (!isUuid(input.attachmentId)) throw attachmentNotFound();
  await requireCaseAgent(db, input.organisationId, input.actor);
  const row = await selectAttachment(db, input.organisationId, input.attachmentId);
  if (!row) throw attachmentNotFound();
  await recordAudit(db, {
    organisationId: input.organisationId,
    agentId: input.actor.agentId,
    action: "attachment.downloaded",
    entityType: "case_attachment",
    entityId: row.id,
    now: input.clock.now(),
  });
  return toDownload(row);
}

/**
 * The citizen downloads from the tracking page: only an attachment of a public message of the case
 * the token opens (or the case it was merged into).
 */
export async function getCaseAttachmentForCitizen(
  db: Db,
  input: { organisationId: string; token: string; attachmentId: string },
): Promise<AttachmentDownload> {
  if (!isUuid(input.attachmentId) || !looksLikeTrackingToken(input.token)) throw attachmentNotFound();
  const caseRow = await db
    .selectFrom("cases")
    .select(CASE_COLUMNS)
    .where("organisation_id", "=", input.organisationId)
    .where("tracking_token_hash", "=", hashTrackingToken(input.token))
    .executeTakeFirst();
  if (!caseRow) throw attachmentNotFound();
  const shown = await followMerges(db, toCase(caseRow));
  const row = await selectAttachment(db, input.organisationId, input.attachmentId);
  if (!row || row.case_id !== shown.id || row.visibility !== "public") throw attachmentNotFound();
  return toDownload(row);
}
