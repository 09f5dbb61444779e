/**
 * The moderation queue's decisions: approve, reject with a reason, or edit out personal data the
 * scrubber missed (the edited text is scrubbed again and checked for insults again).
 */
import { AppError } from "../../../shared/app-error.ts";
import { collapseWhitespace } from "../../../shared/text.ts";
import { findInsults } from "./insult-words.ts";
import { changeTestimonial, type TestimonialChangeInput } from "./save-testimonial-change.ts";
import { requireModerator } from "./testimonial.ts";
import { cleanText, STORY_MAX, TITLE_MAX } from "./testimonial-input.ts";

export const REASON_MAX = 500;

export async function approveTestimonial(input: TestimonialChangeInput): Promise<void> {
  requireModerator(input.actor);
  await changeTestimonial(input, {
    event: "approve",
    action: "approved",
    changes: ({ status, now }) => ({ status, moderated_by: input.actor.id, moderated_at: now }),
  });
}

export async function rejectTestimonial(input: TestimonialChangeInput & { reason: string }): Promise<void> {
  requireModerator(input.actor);
  const reason = collapseWhitespace(input.reason);
  if (reason === "" || reason.length > REASON_MAX)
    throw new AppError("BAD_REQUEST", {
      message: "rejection reason missing or too long",
      userMessage: `Indiquez le motif du rejet (${REASON_MAX} caractères au plus).`,
      details: { field: "motif" },
    });
  await changeTestimonial(input, {
    event: "reject",
    action: "rejected",
    // A rejected testimonial is never published: nobody is to be told, so the address goes now.
    changes: ({ status, now }) => ({
      status,
      rejection_reason: cleanText(reason),
      moderated_by: input.actor.id,
      moderated_at: now,
      notify_email: null,
    }),
  });
}

export async function editTestimonialText(
  input: TestimonialChangeInput & { title: string; story: string },
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
  await changeTestimonial(input, {
    event: "edit",
    action: "edited",
    changes: () => ({ title, story, flagged_words: findInsults(`${title}\n${story}`) }),
  });
}
