import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { newId } from "../../../shared/ids.ts";
import { inTransaction } from "../transaction.ts";
import { checkDefinitionText } from "./check-definition.ts";
import { definitionRefused, slugTaken } from "./questionnaire-errors.ts";
import { slugProblem } from "./questionnaire-slug.ts";

/**
 * A custom questionnaire, built from the same field types as the standard ones: a draft at
 * /avis/<slug> (closed until published), its version 1, and an event, in one transaction.
 * Refusals are French: the slug's problem, or every problem of the definition with its path.
 */
export async function createQuestionnaire(
  db: Db,
  input: { organisationId: string; slug: string; definitionText: string; actorId: string; clock: Clock },
): Promise<{ questionnaireId: string }> {
  const slug = input.slug.trim().toLowerCase();
  const problem = slugProblem(slug);
  const checked = checkDefinitionText(input.definitionText);
  if (problem || !checked.ok) throw definitionRefused(checked.ok ? [] : checked.errors, problem);
  const definition = checked.definition;

  return inTransaction(db, async (trx) => {
    const now = input.clock.now();
    const questionnaireId = newId();
    const inserted = await trx
      .insertInto("questionnaires")
      .values({
        id: questionnaireId,
        organisation_id: input.organisationId,
        slug,
        kind: "custom",
        title: definition.title,
        status: "draft",
        current_version: 1,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(["organisation_id", "slug"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) throw slugTaken(slug);
    await trx
      .insertInto("questionnaire_versions")
      .values({
        organisation_id: input.organisationId,
        questionnaire_id: questionnaireId,
        version: 1,
        definition: JSON.stringify(definition),
        created_at: now,
        created_by: input.actorId,
      })
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "questionnaire",
      entityId: questionnaireId,
      action: "created",
      actorId: input.actorId,
      data: { slug, kind: "custom", version: 1 },
    });
    return { questionnaireId };
  });
}
