import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import { assertCanEditContent, type ContentActor } from "./editor-permission.ts";
import type { LocalItem, LocalItemKind, PublicationStatus } from "./local-item.ts";
import { selectLocalItem, updateLocalItemRow } from "./local-items.repo.ts";
import { recordLocalItemChange } from "./record-local-item-change.ts";
import { localItemNotFound } from "./update-local-item.ts";

export type PublicationAction = "publish" | "unpublish";

/** The whole workflow: which status each action leads to, and from which status it applies. */
export const PUBLICATION_TRANSITIONS: Record<
  PublicationAction,
  { from: PublicationStatus; to: PublicationStatus }
> = {
  publish: { from: "draft", to: "published" },
  unpublish: { from: "published", to: "draft" },
};

/**
 * Publishes or unpublishes. Repeating an action already applied (a double click, two tabs)
 * changes nothing and records nothing.
 */
export async function changeLocalItemStatus(
  db: RootDb,
  options: {
    organisationId: string;
    kind: LocalItemKind;
    id: string;
    action: PublicationAction;
    actor: ContentActor;
    clock: Clock;
  },
): Promise<{ item: LocalItem; changed: boolean }> {
  assertCanEditContent(options.actor);
  const transition = PUBLICATION_TRANSITIONS[options.action];
  return db.transaction().execute(async (trx) => {
    const key = { organisationId: options.organisationId, kind: options.kind, id: options.id };
    const current = await selectLocalItem(trx, key.organisationId, key.kind, key.id);
    if (!current) throw localItemNotFound();
    if (current.status !== transition.from) return { item: current, changed: false };
    const now = options.clock.now();
    const updated = await updateLocalItemRow(trx, key, {
      status: transition.to,
      // The first publication dates the item, unless the editor chose a news date.
      ...(transition.to === "published" && current.publishedAt === null ? { publishedAt: now } : {}),
      actorId: options.actor?.id ?? null,
      now,
    });
    if (!updated) throw localItemNotFound();
    await recordLocalItemChange(trx, {
      organisationId: options.organisationId,
      item: updated,
      action: options.action === "publish" ? "published" : "unpublished",
      actorId: options.actor?.id ?? null,
    });
    return { item: updated, changed: true };
  });
}
