export {
  AGENT_ROLES,
  type Agent,
  type AgentRole,
  canEditContent,
  isAgentRole,
  normaliseEmail,
} from "./agent.ts";
export {
  authenticateAgent,
  INVALID_CREDENTIALS_MESSAGE,
  TOO_MANY_ATTEMPTS_MESSAGE,
} from "./authenticate-agent.ts";
export { createAgent, MIN_PASSWORD_LENGTH } from "./create-agent.ts";
export { ensureOrganisation } from "./ensure-organisation.ts";
export { ensureSessionSecret } from "./ensure-session-secret.ts";
export { findAgent, findAgentByEmail } from "./find-agent.ts";
export { findOrganisationsBySlug, listOrganisations } from "./find-organisations.ts";
export {
  DEFAULT_LOGIN_THROTTLE,
  type LoginThrottlePolicy,
  purgeOldLoginAttempts,
} from "./login-throttle.ts";
export {
  AGENT_NOT_FOUND_MESSAGE,
  changeAgentRoles,
  getManagedAgent,
  listOrganisationAgents,
  type ManagedAgent,
  parseRoles,
  SELF_ADMIN_ROLE_MESSAGE,
  SELF_DISABLE_MESSAGE,
  setAgentActive,
} from "./manage-agents.ts";
export type { Organisation } from "./organisation.ts";
export { DEFAULT_SCRYPT_PARAMS, hashPassword, type ScryptParams, verifyPassword } from "./password-hash.ts";
export {
  OIDC_ACCOUNT_DISABLED_MESSAGE,
  OIDC_ACCOUNT_NOT_OPEN_MESSAGE,
  OIDC_LINKED_ELSEWHERE_MESSAGE,
  OIDC_NO_EMAIL_MESSAGE,
  type OidcIdentity,
  type OidcRefusalReason,
  type OidcSignInOutcome,
  signInWithOidc,
} from "./sign-in-with-oidc.ts";
export { unlinkAgentOidc } from "./unlink-agent-oidc.ts";
