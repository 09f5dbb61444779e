import type { Clock } from "../../shared/clock.ts";
import type { Db, FeedbackChannel } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { analyseVerbatim } from "./analysis/analyse-verbatim.ts";
import { addAnswerToRollups } from "./analysis/feedback-rollups.ts";
import { answerIndicators, verbatimOf } from "./answer-indicators.ts";
import { checkFeedbackInvitation, type FeedbackInvitation } from "./check-invitation.ts";
import { answersRefused, invitationUsed, questionnaireNotFound } from "./feedback-errors.ts";
import { fieldsOf, type QuestionnaireDefinition } from "./questionnaire-definition.ts";
import { findShownVersion } from "./questionnaires/find-shown-version.ts";
import {
  findPublishedQuestionnaire,
  findPublishedQuestionnaireById,
  type Questionnaire,
} from "./questionnaires.repo.ts";
import { scrubPersonalData } from "./scrub-personal-data.ts";
import { inTransaction } from "./transaction.ts";
import { type AnswerInput, type StoredAnswer, validateAnswers } from "./validate-answers.ts";

export type SubmitAnswerInput = {
  organisationId: string;
  clock: Clock;
  /** Ignored with an invitation (the invitation says which questionnaire). Default "jdma". */
  questionnaireSlug?: string;
  /** One-time token of an invitation: the answer takes its channel, topic and case; it is then used. */
  invitationToken?: string | undefined;
  channel?: FeedbackChannel;
  /** Procedure or topic: "F1341", "procedure:<uuid>", a slug. Anything else is dropped. */
  topic?: string | null | undefined;
  caseId?: string | null;
  conversationId?: string | null;
  answers: AnswerInput;
  /**
   * The version of the questionnaire the citizen was shown (the form's hidden field): the answer is
   * checked and stored against it, even if an admin published a newer one meanwhile. Absent: the current.
   */
  questionnaireVersion?: number | string | undefined;
  /** The form's one-time key: posting the same form twice stores one answer. */
  submissionKey?: string | undefined;
};

export type SubmitAnswerResult = { answerId: string; created: boolean; questionnaire: Questionnaire };

const TOPIC_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}:_./-]{0,99}$/u;

export function normaliseTopic(topic: string | null | undefined): string | null {
  const trimmed = topic?.trim() ?? "";
  return TOPIC_PATTERN.test(trimmed) ? trimmed : null;
}

function scrubTexts(
  definition: QuestionnaireDefinition,
  answers: Record<string, StoredAnswer>,
): Record<string, StoredAnswer> {
  const result = { ...answers };
  for (const field of fieldsOf(definition)) {
    const answer = result[field.id];
    if (field.type === "text" && typeof answer === "string") result[field.id] = scrubPersonalData(answer);
  }
  return result;
}

async function answerWithKey(db: Db, organisationId: string, key: string | undefined) {
  if (!key) return undefined;
  return db
    .selectFrom("feedback_answers")
    .select(["id", "questionnaire_id"])
    .where("organisation_id", "=", organisationId)
    .where("submission_key", "=", key)
    .executeTakeFirst();
}

async function questionnaireFor(db: Db, input: SubmitAnswerInput, invitation: FeedbackInvitation | null) {
  const questionnaire = invitation
    ? await findPublishedQuestionnaireById(db, {
        organisationId: input.organisationId,
        questionnaireId: invitation.questionnaireId,
      })
    : await findPublishedQuestionnaire(db, {
        organisationId: input.organisationId,
        slug: input.questionnaireSlug ?? "jdma",
        clock: input.clock,
      });
  if (!questionnaire) throw questionnaireNotFound();
  return findShownVersion(db, {
    organisationId: input.organisationId,
    questionnaire,
    version: input.questionnaireVersion,
  });
}

/**
 * Stores a citizen's answer: checked against the version of the questionnaire the citizen saw (by default
 * the current one; all refusals at once, nothing stored), free text scrubbed of personal data BEFORE it
 * is written, JDMA indicators and the verbatim's analysis computed, then the answer (with its version),
 * the daily sums, the invitation's use and an event in one transaction. Anonymous: no address, no
 * browser, only an e-mail the citizen chose to give.
 */
export async function submitFeedbackAnswer(db: Db, input: SubmitAnswerInput): Promise<SubmitAnswerResult> {
  const key = input.submissionKey?.slice(0, 200);
  const earlier = await answerWithKey(db, input.organisationId, key);
  if (earlier) {
    const shown = await findPublishedQuestionnaireById(db, {
      organisationId: input.organisationId,
      questionnaireId: earlier.questionnaire_id,
    });
    if (!shown) throw questionnaireNotFound();
    return { answerId: earlier.id, created: false, questionnaire: shown };
  }
  const token = input.invitationToken;
  const invitation = token
    ? await checkFeedbackInvitation(db, { organisationId: input.organisationId, token, clock: input.clock })
    : null;
  const questionnaire = await questionnaireFor(db, input, invitation);

  const checked = validateAnswers(questionnaire.definition, input.answers);
  if (!checked.ok) throw answersRefused(checked.errors);
  const answers = scrubTexts(questionnaire.definition, checked.value.answers);
  const indicators = answerIndicators(questionnaire.definition, answers);
  const verbatim = verbatimOf(questionnaire.definition, answers);
  const analysis = verbatim ? analyseVerbatim(verbatim) : { sentiment: null, topics: [] };
  const channel = invitation?.channel ?? input.channel ?? "web";
  const topic = invitation ? invitation.topic : normaliseTopic(input.topic);

  return inTransaction(db, async (trx) => {
    if (invitation && token) {
      try {
        await checkFeedbackInvitation(trx, { ...input, token, forUpdate: true });
      } catch (error) {
        // The same form posted twice at once: the first post used the invitation, this one is a repeat.
        const repeat = await answerWithKey(trx, input.organisationId, key);
        if (repeat) return { answerId: repeat.id, created: false, questionnaire };
        throw error;
      }
    }
    const now = input.clock.now();
    const answerId = newId();
    const inserted = await trx
      .insertInto("feedback_answers")
      .values({
        id: answerId,
        organisation_id: input.organisationId,
        questionnaire_id: questionnaire.id,
        questionnaire_version: questionnaire.version,
        kind: questionnaire.kind,
        channel,
        topic,
        case_id: invitation ? invitation.caseId : (input.caseId ?? null),
        conversation_id: invitation ? invitation.conversationId : (input.conversationId ?? null),
        invitation_id: invitation?.id ?? null,
        submission_key: key ?? null,
        submitted_at: now,
        answers: JSON.stringify(answers),
        satisfaction: indicators.satisfaction,
        clarity: indicators.clarity,
        help_sought: indicators.helpSought,
        autonomous: indicators.autonomous,
        help_tried: indicators.helpTried,
        help_reached: indicators.helpReached,
        help_quality: indicators.helpQuality,
        csat: indicators.csat,
        nps: indicators.nps,
        verbatim,
        sentiment: analysis.sentiment,
        verbatim_topics: analysis.topics,
        contact_email: checked.value.contactEmail,
      })
      .onConflict((oc) => oc.columns(["organisation_id", "submission_key"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const repeat = await answerWithKey(trx, input.organisationId, key);
      if (repeat) return { answerId: repeat.id, created: false, questionnaire };
      throw invitationUsed();
    }
    if (invitation)
      await trx
        .updateTable("feedback_invitations")
        .set({ used_at: now })
        .where("id", "=", invitation.id)
        .execute();
    await addAnswerToRollups(trx, {
      organisationId: input.organisationId,
      submittedAt: now,
      kind: questionnaire.kind,
      channel,
      topic,
      ...indicators,
      sentiment: analysis.sentiment,
    });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "feedback_answer",
      entityId: answerId,
      action: "submitted",
      data: {
        questionnaire: questionnaire.slug,
        version: questionnaire.version,
        channel,
        invitation: invitation !== null,
      },
    });
    return { answerId, created: true, questionnaire };
  });
}
