import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { bumpKnowledgeRevision } from "../knowledge-revision.ts";

/**
 * Every change to local content writes its event row and bumps the knowledge revision (so each process
 * rebuilds its search index), in the caller's transaction.
 */
export async function recordLocalItemChange(
  trx: Db,
  change: {
    organisationId: string;
    item: { id: string; kind: string; slug: string };
    action: "created" | "updated" | "published" | "unpublished" | "deleted";
    actorId: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await recordEvent(trx, {
    organisationId: change.organisationId,
    entityType: "local_item",
    entityId: change.item.id,
    action: change.action,
    actorId: change.actorId,
    data: { kind: change.item.kind, slug: change.item.slug, ...change.data },
  });
  await bumpKnowledgeRevision(trx, change.organisationId);
}
