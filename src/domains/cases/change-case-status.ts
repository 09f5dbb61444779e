import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { isUuid } from "../../shared/ids.ts";
import { enqueueEmail } from "../channels/email/outbox.ts";
import { recordAudit } from "./audit-log.ts";
import type { Case, CaseActor, CaseStatus } from "./case.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { caseNotFound, requireCaseAgent } from "./case-actor.ts";
import { caseEmailThread } from "./case-email-thread.ts";
import { resolutionEmail } from "./case-emails.ts";
import { nextCaseStatus } from "./case-status.ts";
import { saveCaseChange, statusRefused } from "./case-transition.ts";
import { selectCase } from "./cases.repo.ts";
import { resolutionFeedbackLink } from "./resolution-feedback-link.ts";
import { inTransaction } from "./transaction.ts";

/**
 * An agent moves a case along the status machine. Asking for the status it already has (double click,
 * two tabs) changes and records nothing; a move the machine refuses is a CONFLICT with a French message.
 * Moving to "résolu" tells a citizen who gave an e-mail address (when `publicUrl` is given), in the same
 * transaction through the outbox, with a one-time "Je donne mon avis" link about this case.
 */
export async function changeCaseStatus(
  db: Db,
  input: {
    organisationId: string;
    caseId: string;
    actor: CaseActor;
    status: CaseStatus;
    clock: Clock;
    publicUrl?: string;
  },
): Promise<{ case: Case; changed: boolean }> {
  if (!isUuid(input.caseId)) throw caseNotFound();
  return inTransaction(db, async (trx) => {
    await requireCaseAgent(trx, input.organisationId, input.actor);
    const current = await selectCase(trx, input.organisationId, input.caseId, { forUpdate: true });
    if (!current) throw caseNotFound();
    const decision = nextCaseStatus(current.status, { type: "agent_set_status", to: input.status });
    if (!decision.ok && decision.refusal === "unchanged") return { case: current, changed: false };
    if (!decision.ok) throw statusRefused(decision.refusal);
    const now = input.clock.now();
    const updated = await saveCaseChange(trx, current, {
      status: decision.status,
      cause: "agent_set_status",
      actorId: input.actor.agentId,
      now,
    });
    await recordAudit(trx, {
      organisationId: input.organisationId,
      agentId: input.actor.agentId,
      action: "case.status_changed",
      entityType: "case",
      entityId: current.id,
      now,
    });
    if (decision.status === "resolu" && current.contact.email && input.publicUrl) {
      const organisation = await trx
        .selectFrom("organisations")
        .select("name")
        .where("id", "=", input.organisationId)
        .executeTakeFirstOrThrow();
      const mail = resolutionEmail({
        organisationName: organisation.name,
        reference: current.reference,
        subject: current.subject,
        publicUrl: input.publicUrl,
        feedbackUrl: await resolutionFeedbackLink(trx, {
          current,
          publicUrl: input.publicUrl,
          clock: input.clock,
        }),
      });
      await enqueueEmail(trx, {
        organisationId: input.organisationId,
        caseId: current.id,
        to: current.contact.email,
        subject: mail.subject,
        text: mail.text,
        kind: "notification",
        ...(await caseEmailThread(trx, input.organisationId, current.id)),
      });
    }
    await notifyCaseActivity(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      kind: "updated",
    });
    return { case: updated, changed: true };
  });
}
