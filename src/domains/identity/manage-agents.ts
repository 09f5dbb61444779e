/**
 * Administrators manage the accounts of their organisation: list, change roles, disable or enable.
 * An administrator may not take their own admin role away nor disable themselves, so an organisation
 * always keeps at least one active administrator (the one acting).
 */
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid } from "../../shared/ids.ts";
import { type AgentRole, isAgentRole } from "./agent.ts";

export type ManagedAgent = {
  id: string;
  email: string;
  displayName: string;
  roles: AgentRole[];
  active: boolean;
  /** Issuer of the OpenID Connect identity the account is linked to, null when none. */
  oidcIssuer: string | null;
};

export const AGENT_NOT_FOUND_MESSAGE = "Ce compte est introuvable.";
export const SELF_ADMIN_ROLE_MESSAGE =
  "Vous ne pouvez pas retirer votre propre rôle d'administrateur. Demandez-le à un autre administrateur.";
export const SELF_DISABLE_MESSAGE =
  "Vous ne pouvez pas désactiver votre propre compte. Demandez-le à un autre administrateur.";

type Row = {
  id: string;
  email: string;
  display_name: string;
  roles: string[];
  disabled_at: Date | null;
  oidc_issuer: string | null;
};
const COLUMNS = ["id", "email", "display_name", "roles", "disabled_at", "oidc_issuer"] as const;

function toManaged(row: Row): ManagedAgent {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles.filter(isAgentRole),
    active: row.disabled_at === null,
    oidcIssuer: row.oidc_issuer,
  };
}

/** Every account of the organisation, disabled ones included, by name. */
export async function listOrganisationAgents(
  db: Db,
  input: { organisationId: string },
): Promise<ManagedAgent[]> {
  const rows = await db
    .selectFrom("agents")
    .select(COLUMNS)
    .where("organisation_id", "=", input.organisationId)
    .orderBy("display_name")
    .orderBy("email")
    .execute();
  return rows.map(toManaged);
}

/** The account, disabled or not; NOT_FOUND for an unknown id or another organisation's. */
export async function getManagedAgent(
  db: Db,
  input: { organisationId: string; agentId: string },
): Promise<ManagedAgent> {
  const row = isUuid(input.agentId)
    ? await db
        .selectFrom("agents")
        .select(COLUMNS)
        .where("organisation_id", "=", input.organisationId)
        .where("id", "=", input.agentId)
        .executeTakeFirst()
    : undefined;
  if (!row) {
    throw new AppError("NOT_FOUND", { message: "agent not found", userMessage: AGENT_NOT_FOUND_MESSAGE });
  }
  return toManaged(row);
}

/** Checks a submitted list of roles: at least one, all known; returns them sorted without repeats. */
export function parseRoles(values: readonly string[]): AgentRole[] {
  const roles = [...new Set(values)];
  if (roles.length === 0 || !roles.every(isAgentRole)) {
    throw new AppError("BAD_REQUEST", {
      message: "invalid roles",
      userMessage: "Choisissez au moins un rôle.",
      details: { field: "roles" },
    });
  }
  return roles.sort();
}

export async function changeAgentRoles(
  db: RootDb,
  input: { organisationId: string; agentId: string; roles: readonly string[]; actorId: string; clock: Clock },
): Promise<ManagedAgent> {
  const roles = parseRoles(input.roles);
  if (input.agentId === input.actorId && !roles.includes("admin")) {
    throw new AppError("FORBIDDEN", {
      message: "admin cannot drop own admin role",
      userMessage: SELF_ADMIN_ROLE_MESSAGE,
      details: { field: "roles" },
    });
  }
  return db.transaction().execute(async (trx) => {
    const before = await getManagedAgent(trx, input);
    if (sameRoles(before.roles, roles)) return before;
    await trx
      .updateTable("agents")
      .set({ roles, updated_at: input.clock.now() })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", before.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "agent",
      entityId: before.id,
      action: "roles_changed",
      actorId: input.actorId,
      data: { from: before.roles, to: roles },
    });
    return { ...before, roles };
  });
}

/** Disables (the agent can no longer sign in, and open sessions stop at the next request) or enables. */
export async function setAgentActive(
  db: RootDb,
  input: { organisationId: string; agentId: string; active: boolean; actorId: string; clock: Clock },
): Promise<ManagedAgent> {
  if (input.agentId === input.actorId && !input.active) {
    throw new AppError("FORBIDDEN", {
      message: "admin cannot disable self",
      userMessage: SELF_DISABLE_MESSAGE,
      details: { field: "status" },
    });
  }
  return db.transaction().execute(async (trx) => {
    const before = await getManagedAgent(trx, input);
    if (before.active === input.active) return before;
    const now = input.clock.now();
    await trx
      .updateTable("agents")
      .set({ disabled_at: input.active ? null : now, updated_at: now })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", before.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "agent",
      entityId: before.id,
      action: input.active ? "enabled" : "disabled",
      actorId: input.actorId,
    });
    return { ...before, active: input.active };
  });
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((role, i) => role === [...b].sort()[i]);
}
