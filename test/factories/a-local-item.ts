import {
  changeLocalItemStatus,
  createLocalItem,
  type LocalItem,
  type LocalItemForm,
  type LocalItemKind,
  type PublicationStatus,
} from "../../src/domains/knowledge/local/index.ts";
import { type Clock, systemClock } from "../../src/shared/clock.ts";
import type { RootDb } from "../../src/shared/database.ts";

/** A local item created through the use cases (so events and revisions are as in production). */
export async function aLocalItem(
  db: RootDb,
  options: {
    organisationId: string;
    kind?: LocalItemKind;
    status?: PublicationStatus;
    form?: LocalItemForm;
    clock?: Clock;
  },
): Promise<LocalItem> {
  const kind = options.kind ?? "faq";
  const clock = options.clock ?? systemClock;
  const form: LocalItemForm = {
    title: kind === "faq" ? "Où se garer près de la mairie ?" : "Un contenu de test",
    body: "Un premier paragraphe.\n\n- un élément\n- un autre élément",
    ...options.form,
  };
  const result = await createLocalItem(db, {
    organisationId: options.organisationId,
    kind,
    form,
    actor: null,
    clock,
  });
  if (!result.ok) throw new Error(`invalid test item: ${JSON.stringify(result.errors)}`);
  if (options.status !== "published") return result.item;
  const { item } = await changeLocalItemStatus(db, {
    organisationId: options.organisationId,
    kind,
    id: result.item.id,
    action: "publish",
    actor: null,
    clock,
  });
  return item;
}
