/**
 * What an editor does with a group of unanswered questions: turn it into a draft FAQ entry (the
 * question as title, the other phrasings as alternatives, the answer left to write) or dismiss it.
 */
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { assertCanEditContent } from "../knowledge/local/editor-permission.ts";
import { type ContentActor, createLocalItem, type LocalItem } from "../knowledge/local/index.ts";

const MAX_IDS = 500;
export const FAQ_DRAFT_BODY = "Réponse à rédiger avant publication.";

function noneLeft(): AppError {
  return new AppError("CONFLICT", {
    message: "unanswered questions already handled",
    userMessage: "Ces questions ont déjà été traitées par un autre agent. La liste a été actualisée.",
  });
}

async function openQuestions(db: Db, organisationId: string, ids: string[]) {
  const valid = ids.filter(isUuid).slice(0, MAX_IDS);
  if (valid.length === 0) return [];
  return db
    .selectFrom("unanswered_questions")
    .select(["id", "question"])
    .where("organisation_id", "=", organisationId)
    .where("id", "in", valid)
    .where("handled_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

async function markHandled(
  db: Db,
  input: {
    organisationId: string;
    ids: string[];
    localItemId: string | null;
    actorId: string;
    at: Date;
    action: string;
  },
): Promise<void> {
  await db
    .updateTable("unanswered_questions")
    .set({ handled_at: input.at, local_item_id: input.localItemId })
    .where("organisation_id", "=", input.organisationId)
    .where("id", "in", input.ids)
    .where("handled_at", "is", null)
    .execute();
  await recordEvent(db, {
    organisationId: input.organisationId,
    entityType: "unanswered_questions",
    entityId: input.localItemId ?? (input.ids[0] as string),
    action: input.action,
    actorId: input.actorId,
    data: { count: input.ids.length },
  });
}

export async function createFaqFromUnanswered(
  db: RootDb,
  input: { organisationId: string; ids: string[]; actor: NonNullable<ContentActor>; clock: Clock },
): Promise<LocalItem> {
  const questions = await openQuestions(db, input.organisationId, input.ids);
  if (questions.length === 0) throw noneLeft();
  const [first, ...others] = questions.map((q) => q.question);
  const result = await createLocalItem(db, {
    organisationId: input.organisationId,
    kind: "faq",
    form: { title: first, body: FAQ_DRAFT_BODY, altQuestions: [...new Set(others)].slice(0, 20).join("\n") },
    actor: input.actor,
    clock: input.clock,
  });
  if (!result.ok) {
    throw new AppError("BAD_REQUEST", {
      message: "faq draft refused",
      userMessage: `Le brouillon n'a pas pu être créé : ${Object.values(result.errors).join(" ")}`,
    });
  }
  await db.transaction().execute((trx) =>
    markHandled(trx, {
      organisationId: input.organisationId,
      ids: questions.map((q) => q.id),
      localItemId: result.item.id,
      actorId: input.actor.id,
      at: input.clock.now(),
      action: "unanswered.faq_created",
    }),
  );
  return result.item;
}

export async function dismissUnanswered(
  db: RootDb,
  input: { organisationId: string; ids: string[]; actor: NonNullable<ContentActor>; clock: Clock },
): Promise<number> {
  assertCanEditContent(input.actor);
  return db.transaction().execute(async (trx) => {
    const questions = await openQuestions(trx, input.organisationId, input.ids);
    if (questions.length === 0) throw noneLeft();
    await markHandled(trx, {
      organisationId: input.organisationId,
      ids: questions.map((q) => q.id),
      localItemId: null,
      actorId: input.actor.id,
      at: input.clock.now(),
      action: "unanswered.dismissed",
    });
    return questions.length;
  });
}
