import type { Db } from "../../shared/database.ts";

export type AuditAction =
  | "case.opened"
  | "case.viewed"
  | "case.replied"
  | "case.note_added"
  | "case.assigned"
  | "case.status_changed"
  | "case.merged"
  | "attachment.downloaded";

/** Who read or changed what, when: one append-only row (the table refuses UPDATE and DELETE). */
export async function recordAudit(
  db: Db,
  entry: {
    organisationId: string;
    agentId: string;
    action: AuditAction;
    entityType: "case" | "case_attachment";
    entityId: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      organisation_id: entry.organisationId,
      agent_id: entry.agentId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      created_at: entry.now,
    })
    .execute();
}
