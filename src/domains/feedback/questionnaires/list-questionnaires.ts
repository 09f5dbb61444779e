import { sql } from "kysely";
import type { Clock } from "../../../shared/clock.ts";
import type { Db, FeedbackKind } from "../../../shared/database.ts";
import { ensureStandardQuestionnaires } from "../ensure-standard-questionnaires.ts";
import type { QuestionnaireStatus } from "./questionnaire-status.ts";

export type QuestionnaireSummary = {
  id: string;
  slug: string;
  kind: FeedbackKind;
  title: string;
  status: QuestionnaireStatus;
  currentVersion: number;
  answers: number;
  updatedAt: Date;
};

const STANDARD_ORDER: FeedbackKind[] = ["jdma", "epic", "csat", "nps", "custom"];

/** Answers by questionnaire of an organisation (one grouped count, not one query per row). */
export async function countAnswersByQuestionnaire(
  db: Db,
  input: { organisationId: string; questionnaireId?: string },
): Promise<Map<string, number>> {
  let query = db
    .selectFrom("feedback_answers")
    .select(["questionnaire_id", sql<number>`count(*)::int`.as("answers")])
    .where("organisation_id", "=", input.organisationId)
    .groupBy("questionnaire_id");
  if (input.questionnaireId) query = query.where("questionnaire_id", "=", input.questionnaireId);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.questionnaire_id, Number(row.answers)]));
}

/**
 * Every questionnaire of the organisation for the back office: the standard ones first (created here
 * if an organisation lacks them), then the custom ones by title, each with its count of answers.
 */
export async function listQuestionnaires(
  db: Db,
  input: { organisationId: string; clock: Clock },
): Promise<QuestionnaireSummary[]> {
  await ensureStandardQuestionnaires(db, input);
  const [rows, answers] = await Promise.all([
    db
      .selectFrom("questionnaires")
      .select(["id", "slug", "kind", "title", "status", "current_version", "updated_at"])
      .where("organisation_id", "=", input.organisationId)
      .execute(),
    countAnswersByQuestionnaire(db, input),
  ]);
  return rows
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      status: row.status,
      currentVersion: row.current_version,
      answers: answers.get(row.id) ?? 0,
      updatedAt: new Date(row.updated_at),
    }))
    .sort(
      (a, b) =>
        STANDARD_ORDER.indexOf(a.kind) - STANDARD_ORDER.indexOf(b.kind) ||
        a.title.localeCompare(b.title, "fr"),
    );
}
