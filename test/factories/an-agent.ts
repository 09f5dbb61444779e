import {
  type Agent,
  type AgentRole,
  createAgent,
  type ScryptParams,
} from "../../src/domains/identity/index.ts";
import { type Clock, systemClock } from "../../src/shared/clock.ts";
import type { RootDb } from "../../src/shared/database.ts";

export const TEST_PASSWORD = "mot-de-passe-de-test-2026";

/** Cheap hashing for tests: the parameters travel in the hash, so login verifies with these. */
export const TEST_SCRYPT_PARAMS: ScryptParams = { N: 1024, r: 8, p: 1 };

let counter = 0;

export async function anAgent(
  db: RootDb,
  options: {
    organisationId: string;
    roles?: AgentRole[];
    email?: string;
    displayName?: string;
    password?: string;
    clock?: Clock;
  },
): Promise<Agent & { password: string }> {
  counter += 1;
  const password = options.password ?? TEST_PASSWORD;
  const agent = await createAgent(db, {
    organisationId: options.organisationId,
    email: options.email ?? `agent${counter}@mairie-test.fr`,
    displayName: options.displayName ?? `Agent ${counter}`,
    roles: options.roles ?? ["editor"],
    password,
    clock: options.clock ?? systemClock,
    scryptParams: TEST_SCRYPT_PARAMS,
  });
  return { ...agent, password };
}
