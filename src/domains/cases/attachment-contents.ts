import type { Db } from "../../shared/database.ts";
import { isUuid } from "../../shared/ids.ts";

export type AttachmentContent = { id: string; filename: string; contentType: string; content: Buffer };

/**
 * The bytes of stored case attachments, for the e-mail that carries them. Scoped to the organisation;
 * an id that is unknown (erased since the mail was queued) is simply absent from the result.
 * Returned in the order of `ids`.
 */
export async function loadAttachmentContents(
  db: Db,
  input: { organisationId: string; ids: readonly string[] },
): Promise<AttachmentContent[]> {
  const ids = input.ids.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("case_attachments")
    .select(["id", "filename", "content_type", "content"])
    .where("organisation_id", "=", input.organisationId)
    .where("id", "in", ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [{ id, filename: row.filename, contentType: row.content_type, content: Buffer.from(row.content) }]
      : [];
  });
}
