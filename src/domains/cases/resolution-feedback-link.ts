import type { Clock } from "../../shared/clock.ts";
import { createFeedbackInvitation, feedbackLink } from "../feedback/index.ts";
import type { Case } from "./case.ts";
import type { Trx } from "./transaction.ts";

/** The answer's procedure or topic: the fiche, or the town's own procedure, the case was about. */
function caseTopic(current: Case): string | null {
  if (current.topic.ficheId) return current.topic.ficheId;
  return current.topic.localItemId ? `procedure:${current.topic.localItemId}` : null;
}

/**
 * The one-time "Je donne mon avis" link for a case an agent just resolved, whether from the status menu
 * or a reply. Call it only when the link is e-mailed in the same transaction: an invitation nobody
 * received would only skew the response rate.
 */
export async function resolutionFeedbackLink(
  trx: Trx,
  input: { current: Case; publicUrl: string; clock: Clock },
): Promise<string> {
  const invitation = await createFeedbackInvitation(trx, {
    organisationId: input.current.organisationId,
    channel: "email",
    caseId: input.current.id,
    topic: caseTopic(input.current),
    clock: input.clock,
  });
  return feedbackLink(input.publicUrl, invitation.token);
}
