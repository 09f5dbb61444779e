/**
 * The flag "amélioration à envisager": an improvement action (status envisagée) is created, linked to
 * the testimonial that motivated it, with a scrubbed quote. Flagging again returns the same action.
 */
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { createImprovementAction } from "../actions/manage-improvement-actions.ts";
import { inTransaction } from "../transaction.ts";
import { saveTestimonialChange } from "./save-testimonial-change.ts";
import { type FeedbackActor, lockTestimonial, requireModerator, transition } from "./testimonial.ts";

export async function flagImprovement(
  db: Db,
  input: { organisationId: string; testimonialId: string; actor: FeedbackActor; clock: Clock },
): Promise<{ actionId: string; created: boolean }> {
  requireModerator(input.actor);
  return inTransaction(db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    transition(current, "flag_improvement");
    if (current.improvementActionId) return { actionId: current.improvementActionId, created: false };
    const title = `Amélioration à envisager : ${current.title}`.slice(0, 150);
    const created = await createImprovementAction(trx, {
      organisationId: input.organisationId,
      actor: input.actor,
      clock: input.clock,
      form: {
        titre: title,
        description: `Piste ouverte à partir du témoignage « ${current.title} ». À préciser : ce qui pourrait changer, par qui, pour quand.`,
      },
      sources: [{ kind: "testimonial", testimonialId: current.id }],
    });
    if (!created.ok)
      throw new Error(`improvement action from testimonial invalid: ${created.errors[0]?.field}`);
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: { improvement_action_id: created.id },
      action: "improvement_flagged",
      actor: input.actor,
      now: input.clock.now(),
      data: { actionId: created.id },
    });
    return { actionId: created.id, created: true };
  });
}
