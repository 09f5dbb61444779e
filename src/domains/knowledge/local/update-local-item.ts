import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import type { LocalItemResult } from "./create-local-item.ts";
import { assertCanEditContent, type ContentActor } from "./editor-permission.ts";
import type { LocalItemKind } from "./local-item.ts";
import { type LocalItemForm, validateLocalItemForm } from "./local-item-input.ts";
import { updateLocalItemRow } from "./local-items.repo.ts";
import { startOfParisDay } from "./publication-date.ts";
import { recordLocalItemChange } from "./record-local-item-change.ts";

export const LOCAL_ITEM_NOT_FOUND_MESSAGE = "Ce contenu n'existe pas ou a été supprimé.";

export function localItemNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "local item not found",
    userMessage: LOCAL_ITEM_NOT_FOUND_MESSAGE,
  });
}

/** Saves new text; the slug stays as it was so published links keep working. */
export async function updateLocalItem(
  db: RootDb,
  options: {
    organisationId: string;
    kind: LocalItemKind;
    id: string;
    form: LocalItemForm;
    actor: ContentActor;
    clock: Clock;
  },
): Promise<LocalItemResult> {
  assertCanEditContent(options.actor);
  const validation = validateLocalItemForm(options.kind, options.form);
  if (!validation.ok) return validation;
  const { input } = validation;

  const item = await db.transaction().execute(async (trx) => {
    const updated = await updateLocalItemRow(
      trx,
      { organisationId: options.organisationId, kind: options.kind, id: options.id },
      {
        title: input.title,
        summary: input.summary,
        body: input.body,
        altQuestions: input.altQuestions,
        ...(options.kind === "news"
          ? { publishedAt: input.publishedOn ? startOfParisDay(input.publishedOn) : null }
          : {}),
        actorId: options.actor?.id ?? null,
        now: options.clock.now(),
      },
    );
    if (!updated) throw localItemNotFound();
    await recordLocalItemChange(trx, {
      organisationId: options.organisationId,
      item: updated,
      action: "updated",
      actorId: options.actor?.id ?? null,
    });
    return updated;
  });
  return { ok: true, item };
}
