/** Answers for the analysis tests: a questionnaire to hang them on, and answers with their rollups. */
import { type AnalysedAnswerInput, insertAnalysedAnswer } from "../../src/demo/insert-analysed-answer.ts";
import type { RootDb } from "../../src/shared/database.ts";
import { newId } from "../../src/shared/ids.ts";

export async function anAnalysisQuestionnaire(
  db: RootDb,
  options: { organisationId: string },
): Promise<string> {
  const id = newId();
  const now = new Date();
  await db
    .insertInto("questionnaires")
    .values({
      id,
      organisation_id: options.organisationId,
      slug: `analyse-${id.slice(0, 8)}`,
      kind: "custom",
      title: "Questionnaire de test de l'analyse",
      current_version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export function anAnalysedAnswer(db: RootDb, input: AnalysedAnswerInput): Promise<string> {
  return insertAnalysedAnswer(db, input);
}
