/** Administrators rename teams and take members out of them; each change writes its event row. */
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";
import type { Team } from "./teams.ts";
import { inTransaction, type Trx } from "./transaction.ts";

export const TEAM_NOT_FOUND_MESSAGE = "Cette équipe est introuvable.";

async function teamOf(trx: Trx, organisationId: string, teamId: string): Promise<Team> {
  const team = isUuid(teamId)
    ? await trx
        .selectFrom("teams")
        .select(["id", "name"])
        .where("organisation_id", "=", organisationId)
        .where("id", "=", teamId)
        .executeTakeFirst()
    : undefined;
  if (!team) {
    throw new AppError("NOT_FOUND", { message: "team not found", userMessage: TEAM_NOT_FOUND_MESSAGE });
  }
  return team;
}

export async function renameTeam(
  db: Db,
  input: { organisationId: string; teamId: string; name: string; actorId?: string | null; clock: Clock },
): Promise<Team> {
  const name = collapseWhitespace(stripControlCharacters(input.name)).slice(0, 100);
  if (name === "") {
    throw new AppError("BAD_REQUEST", {
      message: "empty team name",
      userMessage: "Veuillez nommer l'équipe.",
      details: { field: "name" },
    });
  }
  return inTransaction(db, async (trx) => {
    const team = await teamOf(trx, input.organisationId, input.teamId);
    if (team.name === name) return team;
    const renamed = await trx
      .updateTable("teams")
      .set({ name, updated_at: input.clock.now() })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", team.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("teams as other")
              .select("other.id")
              .where("other.organisation_id", "=", input.organisationId)
              .where("other.name", "=", name)
              .where("other.id", "<>", team.id),
          ),
        ),
      )
      .returning(["id", "name"])
      .executeTakeFirst();
    if (!renamed) {
      throw new AppError("CONFLICT", {
        message: "team name taken",
        userMessage: "Une équipe porte déjà ce nom.",
        details: { field: "name" },
      });
    }
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "team",
      entityId: team.id,
      action: "renamed",
      actorId: input.actorId ?? null,
      data: { from: team.name, to: name },
    });
    return renamed;
  });
}

/** Takes an agent out of a team; NOT_FOUND when the team is not the organisation's. Idempotent. */
export async function removeTeamMember(
  db: Db,
  input: { organisationId: string; teamId: string; agentId: string; actorId?: string | null },
): Promise<{ removed: boolean }> {
  return inTransaction(db, async (trx) => {
    const team = await teamOf(trx, input.organisationId, input.teamId);
    const deleted = isUuid(input.agentId)
      ? await trx
          .deleteFrom("team_members")
          .where("organisation_id", "=", input.organisationId)
          .where("team_id", "=", team.id)
          .where("agent_id", "=", input.agentId)
          .returning("agent_id")
          .executeTakeFirst()
      : undefined;
    if (!deleted) return { removed: false };
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "team",
      entityId: team.id,
      action: "member_removed",
      actorId: input.actorId ?? null,
      data: { agentId: deleted.agent_id },
    });
    return { removed: true };
  });
}
