import type { RootDb } from "../../../shared/database.ts";
import { assertCanEditContent, type ContentActor } from "./editor-permission.ts";
import type { LocalItem, LocalItemKind } from "./local-item.ts";
import { deleteLocalItemRow } from "./local-items.repo.ts";
import { recordLocalItemChange } from "./record-local-item-change.ts";
import { localItemNotFound } from "./update-local-item.ts";

export async function deleteLocalItem(
  db: RootDb,
  options: { organisationId: string; kind: LocalItemKind; id: string; actor: ContentActor },
): Promise<LocalItem> {
  assertCanEditContent(options.actor);
  return db.transaction().execute(async (trx) => {
    const deleted = await deleteLocalItemRow(trx, options);
    if (!deleted) throw localItemNotFound();
    // The event keeps the title so the history says what was removed (it is public content).
    await recordLocalItemChange(trx, {
      organisationId: options.organisationId,
      item: deleted,
      action: "deleted",
      actorId: options.actor?.id ?? null,
      data: { title: deleted.title },
    });
    return deleted;
  });
}
