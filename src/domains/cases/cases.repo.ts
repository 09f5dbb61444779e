/** The cases domain's queries. Every function takes the organisation id and filters on it. */
import { type ColumnType, sql } from "kysely";
import type { CasesTable, Db } from "../../shared/database.ts";
import { newId } from "../../shared/ids.ts";
import { foldAccents } from "../../shared/text.ts";
import type { CheckedAttachment } from "./attachment-check.ts";
import type { Case, CaseAttachmentInfo, CaseMessage, MessageAuthor, MessageVisibility } from "./case.ts";

export const CASE_COLUMNS = [
  "id",
  "organisation_id",
  "reference",
  "channel",
  "status",
  "priority",
  "subject",
  "topic_fiche_id",
  "topic_local_item_id",
  "contact_name",
  "contact_email",
  "contact_phone",
  "team_id",
  "assignee_id",
  "merged_into_id",
  "opened_at",
  "first_agent_reply_at",
  "waiting_since",
  "resolved_at",
  "closed_at",
  "updated_at",
  "purged_at",
  "commitment_id",
  "due_at",
  "sla_met",
] as const;

type Selected<T> = { [K in keyof T]: T[K] extends ColumnType<infer S, infer _I, infer _U> ? S : T[K] };
export type CaseRow = Selected<Pick<CasesTable, (typeof CASE_COLUMNS)[number]>>;

export type CaseRowChanges = Partial<{
  status: Case["status"];
  priority: Case["priority"];
  team_id: string | null;
  assignee_id: string | null;
  merged_into_id: string | null;
  first_agent_reply_at: Date | null;
  waiting_since: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  commitment_id: string | null;
  due_at: Date | null;
  sla_met: boolean;
}>;

export function toCase(row: CaseRow): Case {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    reference: row.reference,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    topic: { ficheId: row.topic_fiche_id, localItemId: row.topic_local_item_id },
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    mergedIntoId: row.merged_into_id,
    openedAt: row.opened_at,
    firstAgentReplyAt: row.first_agent_reply_at,
    waitingSince: row.waiting_since,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
    purgedAt: row.purged_at,
    commitmentId: row.commitment_id,
    dueAt: row.due_at,
    slaMet: row.sla_met,
  };
}

/** `forUpdate` locks the row until commit, so two agents acting at once apply one after the other. */
export async function selectCase(
  db: Db,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Case | null> {
  let query = db
    .selectFrom("cases")
    .select(CASE_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toCase(row) : null;
}

export async function selectCaseByReference(
  db: Db,
  organisationId: string,
  reference: string,
): Promise<Case | null> {
  const row = await db
    .selectFrom("cases")
    .select(CASE_COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("reference", "=", reference.trim().toUpperCase())
    .executeTakeFirst();
  return row ? toCase(row) : null;
}

/** Follows merges to the case that now holds the thread (bounded: a merge chain cannot loop). */
export async function followMerges(db: Db, found: Case): Promise<Case> {
  let current = found;
  for (let hop = 0; hop < 10 && current.mergedIntoId !== null; hop++) {
    const next = await selectCase(db, current.organisationId, current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}

export async function updateCaseRow(
  db: Db,
  organisationId: string,
  id: string,
  changes: CaseRowChanges & { updated_at: Date },
): Promise<Case> {
  const row = await db
    .updateTable("cases")
    .set(changes)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .returning(CASE_COLUMNS)
    .executeTakeFirstOrThrow();
  return toCase(row);
}

/** Search is accent-insensitive: the indexed text and the query are both folded ("demarche" = "démarche"). */
export function searchableText(text: string): string {
  return foldAccents(text).slice(0, 20_000);
}

export async function appendSearchText(
  db: Db,
  organisationId: string,
  caseId: string,
  text: string,
): Promise<void> {
  await db
    .updateTable("cases")
    .set({
      search_vector: sql`search_vector || to_tsvector('french', ${searchableText(text)})`,
    } as never)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", caseId)
    .execute();
}

export async function insertMessage(
  db: Db,
  message: {
    organisationId: string;
    caseId: string;
    author: MessageAuthor;
    authorAgentId: string | null;
    visibility: MessageVisibility;
    body: string;
    emailMessageId: string | null;
    attachments: CheckedAttachment[];
    now: Date;
  },
): Promise<CaseMessage> {
  const id = newId();
  await db
    .insertInto("case_messages")
    .values({
      id,
      organisation_id: message.organisationId,
      case_id: message.caseId,
      author_type: message.author,
      author_agent_id: message.authorAgentId,
      visibility: message.visibility,
      body: message.body,
      email_message_id: message.emailMessageId,
      created_at: message.now,
    })
    .execute();
  const attachments: CaseAttachmentInfo[] = [];
  for (const attachment of message.attachments) {
    const attachmentId = newId();
    await db
      .insertInto("case_attachments")
      .values({
        id: attachmentId,
        organisation_id: message.organisationId,
        message_id: id,
        filename: attachment.filename,
        content_type: attachment.contentType,
        size_bytes: attachment.sizeBytes,
        sha256: attachment.sha256,
        content: attachment.content,
        created_at: message.now,
      })
      .execute();
    attachments.push({
      id: attachmentId,
      filename: attachment.filename,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
    });
  }
  if (message.emailMessageId !== null)
    await recordEmailId(db, {
      organisationId: message.organisationId,
      caseId: message.caseId,
      messageId: message.emailMessageId,
      direction: message.author === "citizen" ? "in" : "out",
      now: message.now,
    });
  return {
    id,
    caseId: message.caseId,
    author: message.author,
    authorAgentId: message.authorAgentId,
    visibility: message.visibility,
    body: message.body,
    emailMessageId: message.emailMessageId,
    createdAt: message.now,
    attachments,
  };
}

export async function recordEmailId(
  db: Db,
  entry: { organisationId: string; caseId: string; messageId: string; direction: "in" | "out"; now: Date },
): Promise<void> {
  await db
    .insertInto("case_email_ids")
    .values({
      organisation_id: entry.organisationId,
      message_id: entry.messageId,
      case_id: entry.caseId,
      direction: entry.direction,
      created_at: entry.now,
    })
    .onConflict((oc) => oc.columns(["organisation_id", "message_id"]).doNothing())
    .execute();
}

/** The thread in order; `publicOnly` for the citizen's view (internal notes never leave the back office). */
export async function selectMessages(
  db: Db,
  organisationId: string,
  caseId: string,
  options: { publicOnly: boolean },
): Promise<CaseMessage[]> {
  let query = db
    .selectFrom("case_messages")
    .select([
      "id",
      "case_id",
      "author_type",
      "author_agent_id",
      "visibility",
      "body",
      "email_message_id",
      "created_at",
    ])
    .where("organisation_id", "=", organisationId)
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .orderBy("seq");
  if (options.publicOnly) query = query.where("visibility", "=", "public");
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const attachmentRows = await db
    .selectFrom("case_attachments")
    .select(["id", "message_id", "filename", "content_type", "size_bytes", "sha256"])
    .where("organisation_id", "=", organisationId)
    .where(
      "message_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("seq")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    author: row.author_type,
    authorAgentId: row.author_agent_id,
    visibility: row.visibility,
    body: row.body,
    emailMessageId: row.email_message_id,
    createdAt: row.created_at,
    attachments: attachmentRows
      .filter((a) => a.message_id === row.id)
      .map((a) => ({
        id: a.id,
        filename: a.filename,
        contentType: a.content_type,
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
      })),
  }));
}
