/**
 * The public suggestion box: the text is scrubbed before storage, the form's one-time key makes a
 * double submission store one row. Agents file a suggestion or take it up in an action.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db, SuggestionStatus } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { isUuid, newId } from "../../../shared/ids.ts";
import { collapseWhitespace } from "../../../shared/text.ts";
import { insertOncePerSubmission } from "../insert-once-per-submission.ts";
import { type FeedbackActor, requireModerator } from "../testimonials/testimonial.ts";
import { cleanText } from "../testimonials/testimonial-input.ts";
import { inTransaction } from "../transaction.ts";
import { SUGGESTION_TRANSITIONS } from "./action-status.ts";

export const SUGGESTION_MIN = 10;
export const SUGGESTION_MAX = 2000;
export const SUGGESTION_TOPIC_MAX = 100;

export type SuggestionForm = { sujet?: string; suggestion?: string };
export type SuggestionError = { field: string; message: string };

export async function submitSuggestion(
  db: Db,
  input: { organisationId: string; form: SuggestionForm; submissionKey: string | null; clock: Clock },
): Promise<{ ok: true; id: string; created: boolean } | { ok: false; errors: SuggestionError[] }> {
  const errors: SuggestionError[] = [];
  const topic = collapseWhitespace(cleanText(input.form.sujet ?? ""));
  const raw = input.form.suggestion ?? "";
  const body = raw.length > SUGGESTION_MAX * 2 ? "" : cleanText(raw);
  if (topic.length > SUGGESTION_TOPIC_MAX)
    errors.push({
      field: "sujet",
      message: `Le sujet doit faire ${SUGGESTION_TOPIC_MAX} caractères au plus.`,
    });
  if (raw.trim() === "") errors.push({ field: "suggestion", message: "Écrivez votre suggestion." });
  else if (body === "" || body.length > SUGGESTION_MAX)
    errors.push({
      field: "suggestion",
      message: `Votre suggestion est trop longue : ${SUGGESTION_MAX} caractères au plus (elle en fait ${raw.length}).`,
    });
  else if (body.length < SUGGESTION_MIN)
    errors.push({ field: "suggestion", message: `Écrivez au moins ${SUGGESTION_MIN} caractères.` });
  if (errors.length > 0) return { ok: false, errors };
  const now = input.clock.now();
  const id = newId();
  return inTransaction(db, async (trx) => {
    const stored = await insertOncePerSubmission(trx, "suggestions", {
      id,
      organisation_id: input.organisationId,
      submission_key: input.submissionKey,
      topic: topic === "" ? null : topic,
      body,
      created_at: now,
      updated_at: now,
    });
    if (!stored.created) return { ok: true as const, id: stored.id, created: false };
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "suggestion",
      entityId: id,
      action: "submitted",
    });
    return { ok: true as const, id, created: true };
  });
}

/** "classer" files a new suggestion; "rouvrir" brings a filed one back. */
export async function changeSuggestionStatus(
  db: Db,
  input: {
    organisationId: string;
    suggestionId: string;
    move: "file" | "reopen";
    actor: FeedbackActor;
    clock: Clock;
  },
): Promise<void> {
  requireModerator(input.actor);
  await inTransaction(db, async (trx) => {
    const row = isUuid(input.suggestionId)
      ? await trx
          .selectFrom("suggestions")
          .select(["id", "status"])
          .where("organisation_id", "=", input.organisationId)
          .where("id", "=", input.suggestionId)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!row)
      throw new AppError("NOT_FOUND", {
        message: "suggestion not found",
        userMessage: "Cette suggestion est introuvable.",
      });
    const next: SuggestionStatus | null = SUGGESTION_TRANSITIONS[input.move][row.status];
    if (next === null)
      throw new AppError("CONFLICT", {
        message: `suggestion ${input.move} refused from ${row.status}`,
        userMessage: "Ce changement n'est pas possible pour cette suggestion. Rechargez la page.",
      });
    await trx
      .updateTable("suggestions")
      .set({ status: next, updated_at: input.clock.now() })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", row.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "suggestion",
      entityId: row.id,
      action: input.move === "file" ? "filed" : "reopened",
      actorId: input.actor.id,
      data: { from: row.status, to: next },
    });
  });
}
