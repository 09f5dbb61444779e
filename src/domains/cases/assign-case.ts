import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { findAgent } from "../identity/index.ts";
import { recordAudit } from "./audit-log.ts";
import type { Case, CaseActor } from "./case.ts";
import { notifyCaseActivity } from "./case-activity.ts";
import { caseNotFound, requireCaseAgent } from "./case-actor.ts";
import { statusRefused } from "./case-transition.ts";
import { selectCase, updateCaseRow } from "./cases.repo.ts";
import { inTransaction, type Trx } from "./transaction.ts";

function unknownAssignee(field: "teamId" | "assigneeId"): AppError {
  return new AppError("BAD_REQUEST", {
    message: `assign: unknown ${field} in organisation`,
    userMessage:
      field === "teamId"
        ? "Cette équipe est introuvable."
        : "Cet agent est introuvable ou son compte est désactivé.",
    details: { field },
  });
}

async function checkTeam(trx: Trx, organisationId: string, teamId: string): Promise<void> {
  const team = isUuid(teamId)
    ? await trx
        .selectFrom("teams")
        .select("id")
        .where("organisation_id", "=", organisationId)
        .where("id", "=", teamId)
        .executeTakeFirst()
    : undefined;
  if (!team) throw unknownAssignee("teamId");
}

/**
 * Sets the team and/or the agent in charge (`undefined` leaves it, `null` clears it). Both must belong
 * to the case's organisation — another organisation's team or agent is "not found", like a wrong id.
 */
export async function assignCase(
  db: Db,
  input: {
    organisationId: string;
    caseId: string;
    actor: CaseActor;
    teamId?: string | null;
    assigneeId?: string | null;
    clock: Clock;
  },
): Promise<{ case: Case; changed: boolean }> {
  if (!isUuid(input.caseId)) throw caseNotFound();
  return inTransaction(db, async (trx) => {
    await requireCaseAgent(trx, input.organisationId, input.actor);
    const current = await selectCase(trx, input.organisationId, input.caseId, { forUpdate: true });
    if (!current) throw caseNotFound();
    if (current.status === "clos") throw statusRefused("final");
    if (input.teamId) await checkTeam(trx, input.organisationId, input.teamId);
    if (input.assigneeId) {
      const agent = isUuid(input.assigneeId)
        ? await findAgent(trx, { organisationId: input.organisationId, agentId: input.assigneeId })
        : null;
      if (!agent) throw unknownAssignee("assigneeId");
    }
    const teamId = input.teamId === undefined ? current.teamId : input.teamId;
    const assigneeId = input.assigneeId === undefined ? current.assigneeId : input.assigneeId;
    if (teamId === current.teamId && assigneeId === current.assigneeId)
      return { case: current, changed: false };
    const now = input.clock.now();
    const updated = await updateCaseRow(trx, input.organisationId, current.id, {
      team_id: teamId,
      assignee_id: assigneeId,
      updated_at: now,
    });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "case",
      entityId: current.id,
      action: "assigned",
      actorId: input.actor.agentId,
      data: { from: { teamId: current.teamId, assigneeId: current.assigneeId }, to: { teamId, assigneeId } },
    });
    await recordAudit(trx, {
      organisationId: input.organisationId,
      agentId: input.actor.agentId,
      action: "case.assigned",
      entityType: "case",
      entityId: current.id,
      now,
    });
    await notifyCaseActivity(trx, {
      organisationId: input.organisationId,
      caseId: current.id,
      kind: "updated",
    });
    return { case: updated, changed: true };
  });
}
