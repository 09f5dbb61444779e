import { sql } from "kysely";
import type { Db, FeedbackKind } from "../../../shared/database.ts";
import { isUuid } from "../../../shared/ids.ts";
import { parseDefinition, type QuestionnaireDefinition } from "../questionnaire-definition.ts";
import { definitionJson } from "./definition-json.ts";
import { questionnaireUnknown, versionUnknown } from "./questionnaire-errors.ts";
import type { QuestionnaireStatus } from "./questionnaire-status.ts";

export type QuestionnaireVersionSummary = {
  version: number;
  createdAt: Date;
  createdBy: string | null;
  answers: number;
};

export type QuestionnaireVersionDetail = QuestionnaireVersionSummary & {
  /** Null when the stored JSON no longer reads (hand-edited): the page shows the text anyway. */
  definition: QuestionnaireDefinition | null;
  /** The stored definition, indented, as the admin edits it. */
  json: string;
};

export type QuestionnaireDetail = {
  id: string;
  slug: string;
  kind: FeedbackKind;
  title: string;
  status: QuestionnaireStatus;
  currentVersion: number;
  /** Newest first, each with its answers (they stay attached to the version the citizen saw). */
  versions: QuestionnaireVersionSummary[];
  /** The version asked for (the current one by default). */
  shown: QuestionnaireVersionDetail;
};

function readable(stored: unknown): QuestionnaireDefinition | null {
  try {
    return parseDefinition(stored);
  } catch {
    return null;
  }
}

/**
 * A questionnaire for the back office, with its versions and one of them in full (by default the
 * current one). Every version stays readable: answers point at the version they were given against.
 */
export async function getQuestionnaire(
  db: Db,
  input: { organisationId: string; questionnaireId: string; version?: number },
): Promise<QuestionnaireDetail> {
  if (!isUuid(input.questionnaireId)) throw questionnaireUnknown();
  const questionnaire = await db
    .selectFrom("questionnaires")
    .select(["id", "slug", "kind", "title", "status", "current_version"])
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.questionnaireId)
    .executeTakeFirst();
  if (!questionnaire) throw questionnaireUnknown();
  const [versions, counts] = await Promise.all([
    db
      .selectFrom("questionnaire_versions")
      .select(["version", "created_at", "created_by", "definition"])
      .where("organisation_id", "=", input.organisationId)
      .where("questionnaire_id", "=", questionnaire.id)
      .orderBy("version", "desc")
      .execute(),
    db
      .selectFrom("feedback_answers")
      .select(["questionnaire_version", sql<number>`count(*)::int`.as("answers")])
      .where("organisation_id", "=", input.organisationId)
      .where("questionnaire_id", "=", questionnaire.id)
      .groupBy("questionnaire_version")
      .execute(),
  ]);
  const answersOf = (version: number) =>
    Number(counts.find((row) => row.questionnaire_version === version)?.answers ?? 0);
  const wanted = input.version ?? questionnaire.current_version;
  const row = versions.find((candidate) => candidate.version === wanted);
  if (!row) throw versionUnknown();
  return {
    id: questionnaire.id,
    slug: questionnaire.slug,
    kind: questionnaire.kind,
    title: questionnaire.title,
    status: questionnaire.status,
    currentVersion: questionnaire.current_version,
    versions: versions.map((version) => ({
      version: version.version,
      createdAt: new Date(version.created_at),
      createdBy: version.created_by,
      answers: answersOf(version.version),
    })),
    shown: {
      version: row.version,
      createdAt: new Date(row.created_at),
      createdBy: row.created_by,
      answers: answersOf(row.version),
      definition: readable(row.definition),
      json: definitionJson(row.definition),
    },
  };
}
