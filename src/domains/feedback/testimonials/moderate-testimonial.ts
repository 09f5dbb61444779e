/**
 * The moderation queue's decisions: approve, reject with a reason, or edit out personal data the
 * scrubber missed (the edited text is scrubbed again and checked for insults again).
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { collapseWhitespace } from "../../../shared/text.ts";
import { inTransaction } from "../transaction.ts";
import { findInsults } from "./insult-words.ts";
import { saveTestimonialChange } from "./save-testimonial-change.ts";
import { type FeedbackActor, lockTestimonial, requireModerator, transition } from "./testimonial.ts";
import { cleanText, STORY_MAX, TITLE_MAX } from "./testimonial-input.ts";

type Moderation = {
  db: Db;
  organisationId: string;
  testimonialId: string;
  actor: FeedbackActor;
  clock: Clock;
};

export const REASON_MAX = 500;

export async function approveTestimonial(input: Moderation): Promise<void> {
  requireModerator(input.actor);
  await inTransaction(input.db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    const status = transition(current, "approve");
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: { status, moderated_by: input.actor.id, moderated_at: now },
      action: "approved",
      actor: input.actor,
      now,
    });
  });
}

export async function rejectTestimonial(input: Moderation & { reason: string }): Promise<void> {
  requireModerator(input.actor);
  const reason = collapseWhitespace(input.reason);
  if (reason === "" || reason.length > REASON_MAX)
    throw new AppError("BAD_REQUEST", {
      message: "rejection reason missing or too long",
      userMessage: `Indiquez le motif du rejet (${REASON_MAX} caractères au plus).`,
      details: { field: "motif" },
    });
  await inTransaction(input.db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    const status = transition(current, "reject");
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      // A rejected testimonial is never published: nobody is to be told, so the address goes now.
      changes: {
        status,
        rejection_reason: cleanText(reason),
        moderated_by: input.actor.id,
        moderated_at: now,
        notify_email: null,
      },
      action: "rejected",
      actor: input.actor,
      now,
    });
  });
}

export async function editTestimonialText(
  input: Moderation & { title: string; story: string },
): Promise<void> {
  requireModerator(input.actor);
  const title = collapseWhitespace(cleanText(input.title));
  const story = cleanText(input.story);
  if (title === "" || title.length > TITLE_MAX)
    throw new AppError("BAD_REQUEST", {
      message: "testimonial title invalid",
      userMessage: `Le titre est obligatoire (${TITLE_MAX} caractères au plus).`,
      details: { field: "titre" },
    });
  if (story === "" || story.length > STORY_MAX)
    throw new AppError("BAD_REQUEST", {
      message: "testimonial story invalid",
      userMessage: `Le récit est obligatoire (${STORY_MAX} caractères au plus).`,
      details: { field: "recit" },
    });
  await inTransaction(input.db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    transition(current, "edit");
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: { title, story, flagged_words: findInsults(`${title}\n${story}`) },
      action: "edited",
      actor: input.actor,
      now,
    });
  });
}
