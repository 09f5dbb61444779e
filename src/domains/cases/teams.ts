import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid, newId } from "../../shared/ids.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";
import { findAgent } from "../identity/index.ts";
import { inTransaction } from "./transaction.ts";

export type Team = { id: string; name: string };

/** A team of the organisation ("État civil", "Urbanisme"…); names are unique within it. */
export async function createTeam(
  db: Db,
  input: { organisationId: string; name: string; actorId?: string | null; clock: Clock },
): Promise<Team> {
  const name = collapseWhitespace(stripControlCharacters(input.name ?? "")).slice(0, 100);
  if (name === "")
    throw new AppError("BAD_REQUEST", {
      message: "empty team name",
      userMessage: "Veuillez nommer l'équipe.",
    });
  const now = input.clock.now();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("teams")
      .values({ id: newId(), organisation_id: input.organisationId, name, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(["organisation_id", "name"]).doNothing())
      .returning(["id", "name"])
      .executeTakeFirst();
    if (!row)
      throw new AppError("CONFLICT", {
        message: "team name taken",
        userMessage: "Une équipe porte déjà ce nom.",
      });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "team",
      entityId: row.id,
      action: "created",
      actorId: input.actorId ?? null,
    });
    return row;
  });
}

/** Adds an agent of the same organisation to a team (idempotent). */
export async function addTeamMember(
  db: Db,
  input: { organisationId: string; teamId: string; agentId: string; actorId?: string | null },
): Promise<void> {
  const team = isUuid(input.teamId)
    ? await db
        .selectFrom("teams")
        .select("id")
        .where("organisation_id", "=", input.organisationId)
        .where("id", "=", input.teamId)
        .executeTakeFirst()
    : undefined;
  const agent = isUuid(input.agentId)
    ? await findAgent(db, { organisationId: input.organisationId, agentId: input.agentId })
    : null;
  if (!team || !agent)
    throw new AppError("NOT_FOUND", {
      message: "team or agent not found",
      userMessage: "Équipe ou agent introuvable.",
    });
  await inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto("team_members")
      .values({ organisation_id: input.organisationId, team_id: team.id, agent_id: agent.id })
      .onConflict((oc) => oc.columns(["team_id", "agent_id"]).doNothing())
      .returning("agent_id")
      .executeTakeFirst();
    if (inserted)
      await recordEvent(trx, {
        organisationId: input.organisationId,
        entityType: "team",
        entityId: team.id,
        action: "member_added",
        actorId: input.actorId ?? null,
        data: { agentId: agent.id },
      });
  });
}

export async function listTeams(
  db: Db,
  input: { organisationId: string },
): Promise<(Team & { memberIds: string[] })[]> {
  const [teams, members] = await Promise.all([
    db
      .selectFrom("teams")
      .select(["id", "name"])
      .where("organisation_id", "=", input.organisationId)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("team_members")
      .select(["team_id", "agent_id"])
      .where("organisation_id", "=", input.organisationId)
      .execute(),
  ]);
  return teams.map((t) => ({
    ...t,
    memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.agent_id),
  }));
}
