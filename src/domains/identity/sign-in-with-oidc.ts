import { createHash } from "node:crypto";
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { stripControlCharacters } from "../../shared/text.ts";
import { type Agent, normaliseEmail } from "./agent.ts";
import {
  insertOidcAgent,
  linkAgentOidcIdentity,
  type OidcCandidate,
  selectAgentByEmailForOidc,
  selectAgentByOidcIdentity,
} from "./agents-oidc.repo.ts";

/** Who the provider says signed in. Claims are optional: providers differ in what they send. */
export type OidcIdentity = {
  issuer: string;
  subject: string;
  email: string | undefined;
  /** undefined when the provider does not say (ProConnect only sends addresses it checked). */
  emailVerified: boolean | undefined;
  displayName: string | undefined;
};

export type OidcSignInOutcome = "known" | "linked" | "created";

export type OidcRefusalReason = "unknown_email" | "disabled" | "no_email" | "linked_elsewhere";

export const OIDC_ACCOUNT_NOT_OPEN_MESSAGE =
  "Votre compte n'est pas encore ouvert dans Guichet : demandez à un administrateur de votre collectivité de le créer avec votre adresse électronique professionnelle, puis reconnectez-vous.";
export const OIDC_ACCOUNT_DISABLED_MESSAGE =
  "Votre compte Guichet est désactivé. Adressez-vous à un administrateur de votre collectivité.";
export const OIDC_NO_EMAIL_MESSAGE =
  "Le fournisseur d'identité n'a pas transmis d'adresse électronique vérifiée : Guichet ne peut pas retrouver votre compte. Adressez-vous à un administrateur de votre collectivité.";
export const OIDC_LINKED_ELSEWHERE_MESSAGE =
  "Ce compte Guichet est déjà associé à une autre identité chez le fournisseur. Adressez-vous à un administrateur de votre collectivité.";

const REFUSAL_MESSAGES: Record<OidcRefusalReason, string> = {
  unknown_email: OIDC_ACCOUNT_NOT_OPEN_MESSAGE,
  disabled: OIDC_ACCOUNT_DISABLED_MESSAGE,
  no_email: OIDC_NO_EMAIL_MESSAGE,
  linked_elsewhere: OIDC_LINKED_ELSEWHERE_MESSAGE,
};

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A stable pseudonym for refusal events: the audit can group attempts without storing who. */
function identityPseudonym(identity: OidcIdentity): string {
  return createHash("sha256")
    .update(`${identity.issuer}\n${identity.subject}`)
    .digest("base64url")
    .slice(0, 22);
}

function displayNameOf(identity: OidcIdentity, email: string): string {
  const name = stripControlCharacters(identity.displayName ?? "").trim();
  return (name || (email.split("@")[0] ?? email)).slice(0, 100);
}

class Refusal extends Error {
  constructor(readonly reason: OidcRefusalReason) {
    super(reason);
  }
}

type Matched = { agent: Agent; outcome: OidcSignInOutcome };

async function match(
  trx: Db,
  options: { organisationId: string; identity: OidcIdentity; autoCreate: boolean; now: Date },
): Promise<Matched> {
  const { organisationId, identity, now } = options;
  const usable = (candidate: OidcCandidate) => {
    if (candidate.disabled) throw new Refusal("disabled");
    return candidate.agent;
  };

  // The (issuer, subject) pair is stable at the provider, unlike the address: it wins.
  const { issuer, subject } = identity;
  const bySubject = await selectAgentByOidcIdentity(trx, { organisationId, issuer, subject });
  if (bySubject) return { agent: usable(bySubject), outcome: "known" };

  const email = identity.email && identity.emailVerified !== false ? normaliseEmail(identity.email) : "";
  if (!EMAIL_PATTERN.test(email) || email.length > 254) throw new Refusal("no_email");

  const byEmail = await selectAgentByEmailForOidc(trx, { organisationId, email });
  if (byEmail) {
    const agent = usable(byEmail);
    // Another identity already owns this account: re-linking is an administrator's decision.
    if (byEmail.oidcSubject !== null) throw new Refusal("linked_elsewhere");
    const linked = await linkAgentOidcIdentity(trx, {
      organisationId,
      agentId: agent.id,
      issuer,
      subject,
      now,
    });
    if (!linked) throw new Refusal("linked_elsewhere");
    return { agent, outcome: "linked" };
  }

  if (!options.autoCreate) throw new Refusal("unknown_email");
  const agent = await insertOidcAgent(trx, {
    id: newId(),
    organisationId,
    email,
    displayName: displayNameOf(identity, email),
    issuer,
    subject,
    now,
  });
  if (!agent) throw new Refusal("linked_elsewhere");
  await recordEvent(trx, {
    organisationId,
    entityType: "agent",
    entityId: agent.id,
    action: "created",
    actorId: null,
    data: { roles: agent.roles, method: "oidc" },
  });
  return { agent, outcome: "created" };
}

/**
 * Maps a provider identity to an active agent of the organisation: by (issuer, subject) first,
 * then by e-mail (and links the identity), else creates an `agent` if allowed. Refusals throw
 * FORBIDDEN with a French message; each sign-in or refusal writes an event (ids only).
 */
export async function signInWithOidc(
  db: RootDb,
  options: { organisationId: string; identity: OidcIdentity; autoCreate: boolean; clock: Clock },
): Promise<{ agent: Agent; outcome: OidcSignInOutcome }> {
  const { organisationId } = options;
  try {
    return await db.transaction().execute(async (trx) => {
      const matched = await match(trx, { ...options, now: options.clock.now() });
      await recordEvent(trx, {
        organisationId,
        entityType: "agent",
        entityId: matched.agent.id,
        action: "signed_in",
        actorId: matched.agent.id,
        data: { method: "oidc", outcome: matched.outcome },
      });
      return matched;
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await recordEvent(db, {
      organisationId,
      entityType: "oidc_identity",
      entityId: identityPseudonym(options.identity),
      action: "sign_in_refused",
      data: { method: "oidc", reason: error.reason },
    });
    throw new AppError("FORBIDDEN", {
      message: `oidc sign-in refused: ${error.reason}`,
      userMessage: REFUSAL_MESSAGES[error.reason],
      details: { reason: error.reason },
    });
  }
}
