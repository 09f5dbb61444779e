import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { STANDARD_QUESTIONNAIRES } from "./standard-questionnaires.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Creates the built-in questionnaires (JDMA, EPIC, CSAT, NPS) of an organisation that lacks them. Safe
 * to call at every start and from several processes at once: an existing one (maybe edited) is kept.
 */
export async function ensureStandardQuestionnaires(
  db: Db,
  input: { organisationId: string; clock: Clock },
): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const standard of STANDARD_QUESTIONNAIRES) {
    await inTransaction(db, async (trx) => {
      const now = input.clock.now();
      const id = newId();
      const inserted = await trx
        .insertInto("questionnaires")
        .values({
          id,
          organisation_id: input.organisationId,
          slug: standard.slug,
          kind: standard.kind,
          title: standard.definition.title,
          status: "published",
          current_version: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(["organisation_id", "slug"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) return;
      await trx
        .insertInto("questionnaire_versions")
        .values({
          organisation_id: input.organisationId,
          questionnaire_id: id,
          version: 1,
          definition: JSON.stringify(standard.definition),
          created_at: now,
        })
        .execute();
      await recordEvent(trx, {
        organisationId: input.organisationId,
        entityType: "questionnaire",
        entityId: id,
        action: "created",
        data: { slug: standard.slug, kind: standard.kind, version: 1 },
      });
      created.push(standard.slug);
    });
  }
  return { created };
}
