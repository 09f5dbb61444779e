import type { Db } from "../../../shared/database.ts";
import type { LocalItem, LocalItemKind } from "./local-item.ts";
import { countLocalItems, selectAllLocalItems, selectLocalItem } from "./local-items.repo.ts";
import { localItemNotFound } from "./update-local-item.ts";

/** Any item of the organisation, draft or published (back office). Throws NOT_FOUND. */
export async function getLocalItem(
  db: Db,
  options: { organisationId: string; kind: LocalItemKind; id: string },
): Promise<LocalItem> {
  const item = await selectLocalItem(db, options.organisationId, options.kind, options.id);
  if (!item) throw localItemNotFound();
  return item;
}

/** Every item, drafts included, grouped by kind then most recently changed first. */
export function listAllLocalItems(db: Db, options: { organisationId: string }): Promise<LocalItem[]> {
  return selectAllLocalItems(db, options.organisationId);
}

export function countAllLocalItems(db: Db, options: { organisationId: string }): Promise<number> {
  return countLocalItems(db, options.organisationId);
}
