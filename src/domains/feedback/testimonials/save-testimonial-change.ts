/** Writes one change of a testimonial and its event row, in the caller's transaction. */

import type { Updateable } from "kysely";
import type { Db, TestimonialsTable } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import type { FeedbackActor, Testimonial } from "./testimonial.ts";

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
