/** Writes one change of a testimonial and its event row; `changeTestimonial` wraps it in a decision. */

import type { Updateable } from "kysely";
import type { Clock } from "../../../shared/clock.ts";
import type { Db, TestimonialStatus, TestimonialsTable } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { inTransaction } from "../transaction.ts";
import { type FeedbackActor, lockTestimonial, type Testimonial, transition } from "./testimonial.ts";
import type { TestimonialEvent } from "./testimonial-status.ts";

/** In the caller's transaction. */
export async function saveTestimonialChange(
  trx: Db,
  input: {
    organisationId: string;
    current: Testimonial;
    changes: Updateable<TestimonialsTable>;
    action: string;
    actor: FeedbackActor;
    now: Date;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .updateTable("testimonials")
    .set({ ...input.changes, updated_at: input.now })
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.current.id)
    .execute();
  const to = input.changes.status;
  await recordEvent(trx, {
    organisationId: input.organisationId,
    entityType: "testimonial",
    entityId: input.current.id,
    action: input.action,
    actorId: input.actor.id,
    data: { from: input.current.status, ...(to && to !== input.current.status ? { to } : {}), ...input.data },
  });
}

/** Who acts on which testimonial: what every moderation and reply use case takes. */
export type TestimonialChangeInput = {
  db: Db;
  organisationId: string;
  testimonialId: string;
  actor: FeedbackActor;
  clock: Clock;
};

/**
 * One decision on a testimonial, in its own transaction: lock the row, ask the status machine whether
 * `event` is allowed, write the changes and their event row. `changes` sees the locked testimonial and
 * may still refuse (throw); `afterSave` runs in the same transaction.
 */
export async function changeTestimonial(
  input: TestimonialChangeInput,
  decision: {
    event: TestimonialEvent;
    action: string;
    changes: (locked: {
      current: Testimonial;
      status: TestimonialStatus;
      now: Date;
    }) => Updateable<TestimonialsTable>;
    afterSave?: (trx: Db, current: Testimonial) => Promise<void>;
  },
): Promise<void> {
  await inTransaction(input.db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    const status = transition(current, decision.event);
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: decision.changes({ current, status, now }),
      action: decision.action,
      actor: input.actor,
      now,
    });
    await decision.afterSave?.(trx, current);
  });
}
