import { AppError } from "../../../shared/app-error.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { inTransaction } from "../transaction.ts";
import { EVENT_ENTITY, publicationNotFound, selectPublication } from "./results-publications.repo.ts";

/** Deletes a draft that will not be published (published and withdrawn results are kept). */
export async function discardResultsDraft(
  db: Db,
  input: { organisationId: string; publicationId: string; actorId: string | null },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await selectPublication(trx, input.organisationId, input.publicationId, {
      forUpdate: true,
    });
    if (!current) throw publicationNotFound();
    if (current.status !== "draft")
      throw new AppError("CONFLICT", {
        message: `results publication ${current.id} is ${current.status}`,
        userMessage: "Seul un brouillon peut être supprimé ; des résultats publiés peuvent être retirés.",
      });
    await trx
      .deleteFrom("results_publications")
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", current.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: EVENT_ENTITY,
      entityId: current.id,
      action: "draft_discarded",
      actorId: input.actorId,
      data: { period: current.period },
    });
  });
}
