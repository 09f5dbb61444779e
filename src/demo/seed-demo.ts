import type { Clock } from "../shared/clock.ts";
import type { RootDb } from "../shared/database.ts";
import type { Logger } from "../shared/logger.ts";

/** STUB — replaced by the back-office work: demo FAQ, news, procedure and an editor account. */
export async function seedDemo(_options: {
  db: RootDb;
  organisationId: string;
  clock: Clock;
  logger: Logger;
}) {
  return { created: false };
}
