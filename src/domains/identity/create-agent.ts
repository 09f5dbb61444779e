import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { stripControlCharacters } from "../../shared/text.ts";
import { type Agent, type AgentRole, normaliseEmail } from "./agent.ts";
import { insertAgent } from "./agents.repo.ts";
import { hashPassword, type ScryptParams } from "./password-hash.ts";

export const MIN_PASSWORD_LENGTH = 12;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(field: string, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", { message: `invalid agent ${field}`, userMessage, details: { field } });
}

export async function createAgent(
  db: RootDb,
  input: {
    organisationId: string;
    email: string;
    displayName: string;
    roles: AgentRole[];
    password: string;
    clock: Clock;
    /** Who creates the account (null for the command line or the demo seed). */
    actorId?: string | null;
    /** Tests pass cheaper parameters; production uses the default. */
    scryptParams?: ScryptParams;
  },
): Promise<Agent> {
  const email = normaliseEmail(input.email);
  const displayName = stripControlCharacters(input.displayName).trim();
  if (!EMAIL_PATTERN.test(email) || email.length > 254) {
    throw invalid("email", "Saisissez une adresse électronique valide, par exemple nom@mairie.fr.");
  }
  if (displayName.length === 0 || displayName.length > 100) {
    throw invalid("displayName", "Saisissez un nom de 1 à 100 caractères.");
  }
  if (input.roles.length === 0) throw invalid("roles", "Choisissez au moins un rôle.");
  if ([...input.password].length < MIN_PASSWORD_LENGTH) {
    throw invalid("password", `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`);
  }

  const passwordHash = await hashPassword(input.password, input.scryptParams);
  const roles = [...new Set(input.roles)].sort();
  return db.transaction().execute(async (trx) => {
    const agent = await insertAgent(trx, {
      id: newId(),
      organisationId: input.organisationId,
      email,
      displayName,
      roles,
      passwordHash,
      now: input.clock.now(),
    });
    if (!agent) {
      throw new AppError("CONFLICT", {
        message: "agent email taken",
        userMessage: "Un compte existe déjà avec cette adresse électronique.",
      });
    }
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "agent",
      entityId: agent.id,
      action: "created",
      actorId: input.actorId ?? null,
      data: { roles },
    });
    return agent;
  });
}
