/**
 * A citizen shares an experience. The text is scrubbed of contact details before it is stored; insults
 * are flagged for the moderator. The form's one-time key makes a double submission store one row.
 */
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { newId } from "../../../shared/ids.ts";
import { insertOncePerSubmission } from "../insert-once-per-submission.ts";
import { inTransaction } from "../transaction.ts";
import { type InputError, readTestimonialForm, type TestimonialForm } from "./testimonial-input.ts";

export async function submitTestimonial(
  db: Db,
  input: { organisationId: string; form: TestimonialForm; submissionKey: string | null; clock: Clock },
): Promise<{ ok: true; id: string; created: boolean } | { ok: false; errors: InputError[] }> {
  const read = readTestimonialForm(input.form);
  if (!read.ok) return read;
  const t = read.input;
  const now = input.clock.now();
  const id = newId();
  return inTransaction(db, async (trx) => {
    const stored = await insertOncePerSubmission(trx, "testimonials", {
      id,
      organisation_id: input.organisationId,
      submission_key: input.submissionKey,
      channel: t.channel,
      title: t.title,
      story: t.story,
      feeling: t.feeling,
      tags: t.tags,
      flagged_words: t.flaggedWords,
      notify_email: t.notifyEmail,
      created_at: now,
      updated_at: now,
    });
    if (!stored.created) return { ok: true as const, id: stored.id, created: false };
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "testimonial",
      entityId: id,
      action: "submitted",
      data: { channel: t.channel, flagged: t.flaggedWords.length > 0, tags: t.tags },
    });
    return { ok: true as const, id, created: true };
  });
}
