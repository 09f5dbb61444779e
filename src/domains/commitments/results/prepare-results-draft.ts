import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { newId } from "../../../shared/ids.ts";
import { inTransaction } from "../transaction.ts";
import { computeResults } from "./compute-results.ts";
import type { ResultsPeriod } from "./results-period.ts";
import {
  EVENT_ENTITY,
  PUBLICATION_COLUMNS,
  type ResultsPublication,
  toPublication,
} from "./results-publications.repo.ts";

/**
 * Computes the results of a (finished, checked) period now and keeps them as a draft: the manager
 * previews exactly what would be published. Nothing is public until publishResults.
 */
export async function prepareResultsDraft(
  db: Db,
  input: { organisationId: string; period: ResultsPeriod; actorId: string | null; clock: Clock },
): Promise<ResultsPublication> {
  const snapshot = await computeResults(db, input);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("results_publications")
      .values({
        id: newId(),
        organisation_id: input.organisationId,
        period_from: input.period.from,
        period_to: input.period.to,
        status: "draft",
        snapshot: JSON.stringify(snapshot),
        created_at: input.clock.now(),
        created_by: input.actorId,
      })
      .returning(PUBLICATION_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: EVENT_ENTITY,
      entityId: row.id,
      action: "draft_prepared",
      actorId: input.actorId,
      data: { period: input.period },
    });
    return toPublication(row);
  });
}
