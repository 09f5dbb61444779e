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

/**
 * The deliberate act: a draft becomes the published results of its period, with the very figures
 * that were previewed (the snapshot is never recomputed nor changed). A snapshot already published
 * for the same period is withdrawn in the same transaction, so a period has one published version.
 */
export async function publishResults(
  db: Db,
  input: { organisationId: string; publicationId: string; actorId: string | null; clock: Clock },
): Promise<{ publication: ResultsPublication; replaced: string | null }> {
  return inTransaction(db, async (trx) => {
    // One publication at a time per organisation: two managers publishing the same period would
    // otherwise both find no previous version to withdraw.
    await trx
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", input.organisationId)
      .forNoKeyUpdate()
      .execute();
    const draft = await selectPublication(trx, input.organisationId, input.publicationId, {
      forUpdate: true,
    });
    if (!draft) throw publicationNotFound();
    if (draft.status !== "draft")
      throw new AppError("CONFLICT", {
        message: `results publication ${draft.id} is ${draft.status}`,
        userMessage:
          draft.status === "published"
            ? "Ces résultats sont déjà publiés."
            : "Ces résultats ont été retirés : préparez un nouveau brouillon.",
      });
    const now = input.clock.now();
    const previous = await trx
      .updateTable("results_publications")
      .set({ status: "withdrawn", withdrawn_at: now, withdrawn_by: input.actorId })
      .where("organisation_id", "=", input.organisationId)
      .where("status", "=", "published")
      .where("period_from", "=", draft.period.from)
      .where("period_to", "=", draft.period.to)
      .returning("id")
      .executeTakeFirst();
    if (previous)
      await recordEvent(trx, {
        organisationId: input.organisationId,
        entityType: EVENT_ENTITY,
        entityId: previous.id,
        action: "withdrawn",
        actorId: input.actorId,
        data: { replacedBy: draft.id },
      });
    const row = await trx
      .updateTable("results_publications")
      .set({ status: "published", published_at: now, published_by: input.actorId })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", draft.id)
      .returning(PUBLICATION_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: EVENT_ENTITY,
      entityId: draft.id,
      action: "published",
      actorId: input.actorId,
      data: { period: draft.period, replaced: previous?.id ?? null },
    });
    return { publication: toPublication(row), replaced: previous?.id ?? null };
  });
}
