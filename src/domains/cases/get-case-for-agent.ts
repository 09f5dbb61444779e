import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { isUuid } from "../../shared/ids.ts";
import { type CaseSla, getCaseSla } from "../commitments/index.ts";
import { recordAudit } from "./audit-log.ts";
import type { Case, CaseActor, CaseMessage } from "./case.ts";
import { caseNotFound, requireCaseAgent } from "./case-actor.ts";
import { selectCase, selectMessages } from "./cases.repo.ts";

export type CaseHistoryEntry = {
  action: string;
  actorId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

export type AgentCaseView = {
  case: Case;
  /** The whole thread, internal notes included, oldest first. */
  messages: CaseMessage[];
  history: CaseHistoryEntry[];
  team: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  /** The service commitment the case is measured against, and where it stands (null: none). */
  sla: CaseSla | null;
};

/**
 * The case page of the back office. Another organisation's case is NOT_FOUND, exactly like an
 * unknown id (never "forbidden", which would confirm that it exists). Each read is audited.
 */
export async function getCaseForAgent(
  db: Db,
  input: { organisationId: string; caseId: string; actor: CaseActor; clock: Clock },
): Promise<AgentCaseView> {
  if (!isUuid(input.caseId)) throw caseNotFound();
  await requireCaseAgent(db, input.organisationId, input.actor);
  const found = await selectCase(db, input.organisationId, input.caseId);
  if (!found) throw caseNotFound();
  const now = input.clock.now();
  const [messages, history, team, assignee, sla] = await Promise.all([
    selectMessages(db, input.organisationId, found.id, { publicOnly: false }),
    db
      .selectFrom("events")
      .select(["action", "actor_id", "data", "created_at"])
      .where("organisation_id", "=", input.organisationId)
      .where("entity_type", "=", "case")
      .where("entity_id", "=", found.id)
      .orderBy("id")
      .execute(),
    found.teamId
      ? db
          .selectFrom("teams")
          .select(["id", "name"])
          .where("organisation_id", "=", input.organisationId)
          .where("id", "=", found.teamId)
          .executeTakeFirst()
      : undefined,
    found.assigneeId
      ? db
          .selectFrom("agents")
          .select(["id", "display_name"])
          .where("organisation_id", "=", input.organisationId)
          .where("id", "=", found.assigneeId)
          .executeTakeFirst()
      : undefined,
    getCaseSla(db, {
      organisationId: input.organisationId,
      commitmentId: found.commitmentId,
      dueAt: found.dueAt,
      met: found.slaMet,
      waitingSince: found.status === "en_attente_usager" ? found.waitingSince : null,
      now,
    }),
  ]);
  await recordAudit(db, {
    organisationId: input.organisationId,
    agentId: input.actor.agentId,
    action: "case.viewed",
    entityType: "case",
    entityId: found.id,
    now,
  });
  return {
    case: found,
    messages,
    history: history.map((e) => ({
      action: e.action,
      actorId: e.actor_id,
      data: e.data,
      createdAt: e.created_at,
    })),
    team: team ?? null,
    assignee: assignee ? { id: assignee.id, displayName: assignee.display_name } : null,
    sla,
  };
}
