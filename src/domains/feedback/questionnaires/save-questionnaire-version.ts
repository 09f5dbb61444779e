import { isDeepStrictEqual } from "node:util";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { isUuid } from "../../../shared/ids.ts";
import { parseDefinition } from "../questionnaire-definition.ts";
import { inTransaction } from "../transaction.ts";
import { checkDefinitionText } from "./check-definition.ts";
import { indicatorProblems } from "./indicator-fields.ts";
import { definitionRefused, questionnaireUnknown, staleVersion } from "./questionnaire-errors.ts";

export type SaveVersionResult = { version: number; created: boolean };

/**
 * An admin's edit of a questionnaire: never an update of a version (answers are read against the version
 * the citizen saw), always a new version that becomes the current one, with the title and an event, in
 * one transaction. A standard questionnaire must keep the questions its indicators come from. The page's
 * version (`baseVersion`) guards against overwriting another admin's edit made meanwhile.
 */
export async function saveQuestionnaireVersion(
  db: Db,
  input: {
    organisationId: string;
    questionnaireId: string;
    definitionText: string;
    baseVersion?: number | undefined;
    actorId: string;
    clock: Clock;
  },
): Promise<SaveVersionResult> {
  if (!isUuid(input.questionnaireId)) throw questionnaireUnknown();
  const checked = checkDefinitionText(input.definitionText);
  if (!checked.ok) throw definitionRefused(checked.errors);
  const definition = checked.definition;

  return inTransaction(db, async (trx) => {
    const questionnaire = await trx
      .selectFrom("questionnaires")
      .select(["id", "kind", "current_version"])
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", input.questionnaireId)
      .forUpdate()
      .executeTakeFirst();
    if (!questionnaire) throw questionnaireUnknown();
    const current = questionnaire.current_version;
    if (input.baseVersion !== undefined && input.baseVersion !== current) throw staleVersion(current);
    const stored = await trx
      .selectFrom("questionnaire_versions")
      .select("definition")
      .where("questionnaire_id", "=", questionnaire.id)
      .where("version", "=", current)
      .executeTakeFirstOrThrow();
    if (isDeepStrictEqual(stored.definition, definition)) return { version: current, created: false };
    if (questionnaire.kind !== "custom") {
      const broken = indicatorProblems(parseDefinition(stored.definition), definition);
      if (broken.length > 0) throw definitionRefused(broken);
    }
    const now = input.clock.now();
    const version = current + 1;
    await trx
      .insertInto("questionnaire_versions")
      .values({
        organisation_id: input.organisationId,
        questionnaire_id: questionnaire.id,
        version,
        definition: JSON.stringify(definition),
        created_at: now,
        created_by: input.actorId,
      })
      .execute();
    await trx
      .updateTable("questionnaires")
      .set({ current_version: version, title: definition.title, updated_at: now })
      .where("id", "=", questionnaire.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "questionnaire",
      entityId: questionnaire.id,
      action: "version_saved",
      actorId: input.actorId,
      data: { version, previous: current },
    });
    return { version, created: true };
  });
}
