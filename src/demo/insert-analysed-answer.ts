/**
 * Writes one answer as the submission use case does for the analysis (row + daily rollups, one
 * transaction), without its form: for the demo seed and the tests of the analysis. The verbatim is
 * analysed here (sentiment, topics) unless given.
 */
import { analyseVerbatim } from "../domains/feedback/analysis/analyse-verbatim.ts";
import { addAnswerToRollups } from "../domains/feedback/analysis/feedback-rollups.ts";
import type { FeedbackChannel, FeedbackKind, RootDb } from "../shared/database.ts";
import { newId } from "../shared/ids.ts";

export type AnalysedAnswerInput = {
  organisationId: string;
  questionnaireId: string;
  submittedAt: Date;
  kind?: FeedbackKind;
  channel?: FeedbackChannel;
  topic?: string | null;
  satisfaction?: 0 | 5 | 10 | null;
  clarity?: number | null;
  helpSought?: string[] | null;
  autonomous?: boolean | null;
  helpTried?: number | null;
  helpReached?: number | null;
  helpQuality?: number | null;
  csat?: number | null;
  nps?: number | null;
  verbatim?: string | null;
  /** Replaces the computed sentiment (tests that need round figures). */
  sentiment?: number | null;
  contactEmail?: string | null;
};

export async function insertAnalysedAnswer(db: RootDb, input: AnalysedAnswerInput): Promise<string> {
  const id = newId();
  const verbatim = input.verbatim ?? null;
  const analysed = verbatim ? analyseVerbatim(verbatim) : { sentiment: null, topics: [] };
  const analysis = input.sentiment !== undefined ? { ...analysed, sentiment: input.sentiment } : analysed;
  const answer = {
    organisationId: input.organisationId,
    submittedAt: input.submittedAt,
    kind: input.kind ?? "jdma",
    channel: input.channel ?? "web",
    topic: input.topic ?? null,
    satisfaction: input.satisfaction ?? null,
    clarity: input.clarity ?? null,
    autonomous: input.autonomous ?? null,
    helpTried: input.helpTried ?? null,
    helpReached: input.helpReached ?? null,
    helpQuality: input.helpQuality ?? null,
    csat: input.csat ?? null,
    nps: input.nps ?? null,
    sentiment: analysis.sentiment,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("feedback_answers")
      .values({
        id,
        organisation_id: answer.organisationId,
        questionnaire_id: input.questionnaireId,
        questionnaire_version: 1,
        kind: answer.kind,
        channel: answer.channel,
        topic: answer.topic,
        submitted_at: answer.submittedAt,
        answers: JSON.stringify({}),
        satisfaction: answer.satisfaction,
        clarity: answer.clarity,
        help_sought: input.helpSought ?? null,
        autonomous: answer.autonomous,
        help_tried: answer.helpTried,
        help_reached: answer.helpReached,
        help_quality: answer.helpQuality,
        csat: answer.csat,
        nps: answer.nps,
        verbatim,
        sentiment: analysis.sentiment,
        verbatim_topics: analysis.topics.length > 0 ? analysis.topics : null,
        contact_email: input.contactEmail ?? null,
      })
      .execute();
    await addAnswerToRollups(trx, answer);
  });
  return id;
}
