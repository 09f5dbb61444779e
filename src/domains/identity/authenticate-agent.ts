import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { type Agent, normaliseEmail } from "./agent.ts";
import { selectActiveAgentWithHash } from "./agents.repo.ts";
import {
  clearLoginFailures,
  DEFAULT_LOGIN_THROTTLE,
  isLoginThrottled,
  type LoginThrottlePolicy,
  recordLoginFailure,
} from "./login-throttle.ts";
import { hashPassword, verifyPassword } from "./password-hash.ts";

export const INVALID_CREDENTIALS_MESSAGE = "Adresse électronique ou mot de passe incorrect.";
export const TOO_MANY_ATTEMPTS_MESSAGE =
  "Trop de tentatives de connexion. Pour protéger les comptes, veuillez patienter 15 minutes avant de réessayer.";

// Unknown addresses are checked against this hash so they take as long as known ones.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}

/**
 * Checks an agent's e-mail and password. Refusals never say whether the address exists:
 * UNAUTHENTICATED with one generic message, or TOO_MANY_REQUESTS once the throttle trips.
 */
export async function authenticateAgent(
  db: RootDb,
  options: {
    organisationId: string;
    email: string;
    password: string;
    /** The client's IP address, for the per-address limit. */
    address: string;
    clock: Clock;
    policy?: LoginThrottlePolicy;
  },
): Promise<Agent> {
  const email = normaliseEmail(options.email);
  const policy = options.policy ?? DEFAULT_LOGIN_THROTTLE;
  const throttle = { email, address: options.address, clock: options.clock };
  if (await isLoginThrottled(db, { ...throttle, policy })) {
    throw new AppError("TOO_MANY_REQUESTS", {
      message: "login throttled",
      userMessage: TOO_MANY_ATTEMPTS_MESSAGE,
    });
  }

  const found = email ? await selectActiveAgentWithHash(db, options.organisationId, email) : null;
  const hash = found?.passwordHash ?? (await decoy());
  const valid = (await verifyPassword(options.password, hash)) && found?.passwordHash != null;
  if (!found || !valid) {
    await recordLoginFailure(db, throttle);
    throw new AppError("UNAUTHENTICATED", {
      message: "invalid credentials",
      userMessage: INVALID_CREDENTIALS_MESSAGE,
    });
  }

  await db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, email);
    await recordEvent(trx, {
      organisationId: options.organisationId,
      entityType: "agent",
      entityId: found.agent.id,
      action: "signed_in",
      actorId: found.agent.id,
    });
  });
  return found.agent;
}
