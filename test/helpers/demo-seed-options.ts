import { ensureOrganisation } from "../../src/domains/identity/index.ts";
import { systemClock } from "../../src/shared/clock.ts";
import type { RootDb } from "../../src/shared/database.ts";
import { createLogger } from "../../src/shared/logger.ts";

/** The demo organisation (created if missing) and what every demo seed takes to fill it, silently. */
export async function demoSeedOptions(db: RootDb) {
  const { id: organisationId } = await ensureOrganisation(db, { slug: "demo", name: "Ville de Démo" });
  return { db, organisationId, clock: systemClock, logger: createLogger({ level: "silent" }) };
}
