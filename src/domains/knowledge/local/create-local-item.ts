import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import { newId } from "../../../shared/ids.ts";
import { assertCanEditContent, type ContentActor } from "./editor-permission.ts";
import type { LocalItem, LocalItemKind } from "./local-item.ts";
import { type LocalItemField, type LocalItemForm, validateLocalItemForm } from "./local-item-input.ts";
import { insertLocalItem, selectSlugsLike } from "./local-items.repo.ts";
import { startOfParisDay } from "./publication-date.ts";
import { recordLocalItemChange } from "./record-local-item-change.ts";
import { uniqueSlug } from "./unique-slug.ts";

export type LocalItemResult =
  | { ok: true; item: LocalItem }
  | { ok: false; errors: Partial<Record<LocalItemField, string>> };

const UNIQUE_VIOLATION = "23505";
const MAX_ATTEMPTS = 3;

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION
  );
}

/** Creates a draft; its slug comes from the title, suffixed -2, -3… when another item of the kind has it. */
export async function createLocalItem(
  db: RootDb,
  options: {
    organisationId: string;
    kind: LocalItemKind;
    form: LocalItemForm;
    actor: ContentActor;
    clock: Clock;
  },
): Promise<LocalItemResult> {
  assertCanEditContent(options.actor);
  const validation = validateLocalItemForm(options.kind, options.form);
  if (!validation.ok) return validation;
  const { input } = validation;

  // Another process may take the same slug between our read and our insert: the unique
  // constraint refuses it and we pick again.
  for (let attempt = 1; ; attempt++) {
    try {
      const item = await db.transaction().execute(async (trx) => {
        const base = uniqueSlug({ title: input.title, kind: options.kind, taken: new Set() });
        const taken = await selectSlugsLike(trx, options.organisationId, options.kind, base);
        const created = await insertLocalItem(trx, {
          id: newId(),
          organisationId: options.organisationId,
          kind: options.kind,
          slug: uniqueSlug({ title: input.title, kind: options.kind, taken }),
          title: input.title,
          summary: input.summary,
          body: input.body,
          altQuestions: input.altQuestions,
          publishedAt: input.publishedOn ? startOfParisDay(input.publishedOn) : null,
          actorId: options.actor?.id ?? null,
          now: options.clock.now(),
        });
        await recordLocalItemChange(trx, {
          organisationId: options.organisationId,
          item: created,
          action: "created",
          actorId: options.actor?.id ?? null,
        });
        return created;
      });
      return { ok: true, item };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
