import type { Clock } from "../../shared/clock.ts";
import type { Db, FeedbackKind } from "../../shared/database.ts";
import { ensureStandardQuestionnaires } from "./ensure-standard-questionnaires.ts";
import { parseDefinition, type QuestionnaireDefinition } from "./questionnaire-definition.ts";
import { STANDARD_QUESTIONNAIRES } from "./standard-questionnaires.ts";

export type Questionnaire = {
  id: string;
  slug: string;
  kind: FeedbackKind;
  title: string;
  version: number;
  definition: QuestionnaireDefinition;
};

async function select(
  db: Db,
  organisationId: string,
  where: { slug: string } | { id: string },
): Promise<Questionnaire | null> {
  let query = db
    .selectFrom("questionnaires as q")
    .innerJoin("questionnaire_versions as v", (join) =>
      join.onRef("v.questionnaire_id", "=", "q.id").onRef("v.version", "=", "q.current_version"),
    )
    .select(["q.id", "q.slug", "q.kind", "q.title", "v.version", "v.definition"])
    .where("q.organisation_id", "=", organisationId)
    .where("q.status", "=", "published");
  query = "slug" in where ? query.where("q.slug", "=", where.slug) : query.where("q.id", "=", where.id);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return { ...row, definition: parseDefinition(row.definition) };
}

/**
 * The published questionnaire with this slug and its current version, or null. A built-in one is
 * created on first use, so a town that never restarted since the upgrade still has "/avis".
 */
export async function findPublishedQuestionnaire(
  db: Db,
  input: { organisationId: string; slug: string; clock: Clock },
): Promise<Questionnaire | null> {
  const found = await select(db, input.organisationId, { slug: input.slug });
  if (found || !STANDARD_QUESTIONNAIRES.some((standard) => standard.slug === input.slug)) return found;
  await ensureStandardQuestionnaires(db, input);
  return select(db, input.organisationId, { slug: input.slug });
}

export function findPublishedQuestionnaireById(
  db: Db,
  input: { organisationId: string; questionnaireId: string },
): Promise<Questionnaire | null> {
  return select(db, input.organisationId, { id: input.questionnaireId });
}
