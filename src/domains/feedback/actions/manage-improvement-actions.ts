/**
 * Improvement actions in the back office: create (optionally from the feedback that motivated it),
 * edit, move along the status table, and link more feedback. Each change writes its event row.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db, ImprovementActionStatus } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { newId } from "../../../shared/ids.ts";
import { type FeedbackActor, requireModerator } from "../testimonials/testimonial.ts";
import { inTransaction } from "../transaction.ts";
import { addActionSource, type SourceInput } from "./action-sources.ts";
import { ACTION_REFUSAL_MESSAGES, actionStatusDates, nextActionStatus } from "./action-status.ts";
import {
  type ActionForm,
  type ActionFormError,
  actionNotFound,
  readActionForm,
  selectAction,
} from "./improvement-action.ts";

type Base = { organisationId: string; actor: FeedbackActor; clock: Clock };

export async function createImprovementAction(
  db: Db,
  input: Base & { form: ActionForm; sources?: SourceInput[] },
): Promise<{ ok: true; id: string } | { ok: false; errors: ActionFormError[] }> {
  requireModerator(input.actor);
  return inTransaction(db, async (trx) => {
    const read = await readActionForm(trx, input.organisationId, input.form);
    if (!read.ok) return read;
    const id = newId();
    const now = input.clock.now();
    await trx
      .insertInto("improvement_actions")
      .values({
        id,
        organisation_id: input.organisationId,
        title: read.values.title,
        description: read.values.description,
        outcome: read.values.outcome,
        owner_id: read.values.ownerId,
        created_by: input.actor.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "improvement_action",
      entityId: id,
      action: "created",
      actorId: input.actor.id,
      data: { sources: input.sources?.length ?? 0 },
    });
    for (const source of input.sources ?? []) await addActionSource(trx, { ...input, actionId: id, source });
    return { ok: true as const, id };
  });
}

export async function updateImprovementAction(
  db: Db,
  input: Base & { actionId: string; form: ActionForm },
): Promise<{ ok: true } | { ok: false; errors: ActionFormError[] }> {
  requireModerator(input.actor);
  return inTransaction(db, async (trx) => {
    const current = await selectAction(trx, input.organisationId, input.actionId, { forUpdate: true });
    if (!current) throw actionNotFound();
    const read = await readActionForm(trx, input.organisationId, input.form);
    if (!read.ok) return read;
    await trx
      .updateTable("improvement_actions")
      .set({
        title: read.values.title,
        description: read.values.description,
        outcome: read.values.outcome,
        owner_id: read.values.ownerId,
        updated_at: input.clock.now(),
      })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", current.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "improvement_action",
      entityId: current.id,
      action: "updated",
      actorId: input.actor.id,
    });
    return { ok: true as const };
  });
}

/** Moves an action; asking for the status it has (double click) changes nothing. */
export async function changeImprovementActionStatus(
  db: Db,
  input: Base & { actionId: string; to: ImprovementActionStatus },
): Promise<{ changed: boolean }> {
  requireModerator(input.actor);
  return inTransaction(db, async (trx) => {
    const current = await selectAction(trx, input.organisationId, input.actionId, { forUpdate: true });
    if (!current) throw actionNotFound();
    const decision = nextActionStatus(current.status, input.to);
    if (!decision.ok && decision.refusal === "unchanged") return { changed: false };
    if (!decision.ok)
      throw new AppError("CONFLICT", {
        message: `action status ${current.status} → ${input.to} refused`,
        userMessage: ACTION_REFUSAL_MESSAGES.not_allowed,
      });
    if (decision.status === "realisee" && current.outcome === "")
      throw new AppError("BAD_REQUEST", {
        message: "realised action without outcome",
        userMessage:
          "Avant de marquer l'action réalisée, décrivez ce qui a été fait (« Ce que nous avons fait »).",
        details: { field: "resultat" },
      });
    const now = input.clock.now();
    await trx
      .updateTable("improvement_actions")
      .set({
        status: decision.status,
        updated_at: now,
        ...actionStatusDates(current.status, decision.status, now, current.startedAt),
      })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", current.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "improvement_action",
      entityId: current.id,
      action: "status_changed",
      actorId: input.actor.id,
      data: { from: current.status, to: decision.status },
    });
    return { changed: true };
  });
}

/** Links one more piece of feedback to an existing action (the same one twice is linked once). */
export async function linkFeedbackToAction(
  db: Db,
  input: Base & { actionId: string; source: SourceInput },
): Promise<{ added: boolean }> {
  requireModerator(input.actor);
  return inTransaction(db, async (trx) => {
    const current = await selectAction(trx, input.organisationId, input.actionId, { forUpdate: true });
    if (!current) throw actionNotFound();
    return addActionSource(trx, { ...input, actionId: current.id });
  });
}
