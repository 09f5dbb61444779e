import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { inTransaction } from "../transaction.ts";
import {
  EVENT_ENTITY,
  PUBLICATION_COLUMNS,
  publicationNotFound,
  type ResultsPublication,
  selectPublication,
  toPublication,
} from "./results-publications.repo.ts";

/** Takes published results off the public site (kept, with their figures, for the record). */
export async function withdrawResults(
  db: Db,
  input: { organisationId: string; publicationId: string; actorId: string | null; clock: Clock },
): Promise<ResultsPublication> {
  return inTransaction(db, async (trx) => {
    const current = await selectPublication(trx, input.organisationId, input.publicationId, {
      forUpdate: true,
    });
    if (!current) throw publicationNotFound();
    if (current.status !== "published")
      throw new AppError("CONFLICT", {
        message: `results publication ${current.id} is ${current.status}`,
        userMessage: "Seuls des résultats publiés peuvent être retirés.",
      });
    const row = await trx
      .updateTable("results_publications")
      .set({ status: "withdrawn", withdrawn_at: input.clock.now(), withdrawn_by: input.actorId })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", current.id)
      .returning(PUBLICATION_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: EVENT_ENTITY,
      entityId: current.id,
      action: "withdrawn",
      actorId: input.actorId,
    });
    return toPublication(row);
  });
}
