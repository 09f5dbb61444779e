import type { Clock } from "../../shared/clock.ts";
import type { Db, FeedbackKind } from "../../shared/database.ts";
import { ensureStandardQuestionnaires } from "./ensure-standard-questionnaires.ts";
import { parseDefinition, type QuestionnaireDefinition } from "./questionnaire-definition.ts";
import type { QuestionnaireStatus } from "./questionnaires/questionnaire-status.ts";
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
  where: { slug: string } | { id: string; version?: number },
): Promise<Questionnaire | null> {
  const version = "version" in where ? where.version : undefined;
  let query = db
    .selectFrom("questionnaires as q")
    .innerJoin("questionnaire_versions as v", (join) =>
      version === undefined
        ? join.onRef("v.questionnaire_id", "=", "q.id").onRef("v.version", "=", "q.current_version")
        : join.onRef("v.questionnaire_id", "=", "q.id").on("v.version", "=", version),
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

/**
 * One version of a published questionnaire — the one a citizen saw, maybe older than the current one —
 * or null when the questionnaire is not published or has no such version.
 */
export function findPublishedQuestionnaireVersion(
  db: Db,
  input: { organisationId: string; questionnaireId: string; version: number },
): Promise<Questionnaire | null> {
  return select(db, input.organisationId, { id: input.questionnaireId, version: input.version });
}

/** The status of the questionnaire at /avis/<slug>, or null when there is none. */
export async function findQuestionnaireStatus(
  db: Db,
  input: { organisationId: string; slug: string },
): Promise<QuestionnaireStatus | null> {
  const row = await db
    .selectFrom("questionnaires")
    .select("status")
    .where("organisation_id", "=", input.organisationId)
    .where("slug", "=", input.slug)
    .executeTakeFirst();
  return row?.status ?? null;
}
