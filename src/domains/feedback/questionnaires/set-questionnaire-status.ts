import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { isUuid } from "../../../shared/ids.ts";
import { inTransaction } from "../transaction.ts";
import { questionnaireUnknown, statusRefused } from "./questionnaire-errors.ts";
import {
  nextQuestionnaireStatus,
  type QuestionnaireStatus,
  type QuestionnaireStatusAction,
} from "./questionnaire-status.ts";

const EVENT: Record<QuestionnaireStatusAction, string> = { publish: "published", archive: "archived" };

/**
 * Publishes (opens at /avis/<slug>) or archives (closes) a questionnaire, following the transition
 * table, with an event in the same transaction. Answers already given are kept either way.
 */
export async function setQuestionnaireStatus(
  db: Db,
  input: {
    organisationId: string;
    questionnaireId: string;
    action: QuestionnaireStatusAction;
    actorId: string;
    clock: Clock;
  },
): Promise<{ status: QuestionnaireStatus; slug: string }> {
  if (!isUuid(input.questionnaireId)) throw questionnaireUnknown();
  return inTransaction(db, async (trx) => {
    const questionnaire = await trx
      .selectFrom("questionnaires")
      .select(["id", "slug", "status"])
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", input.questionnaireId)
      .forUpdate()
      .executeTakeFirst();
    if (!questionnaire) throw questionnaireUnknown();
    const next = nextQuestionnaireStatus({
      slug: questionnaire.slug,
      from: questionnaire.status,
      action: input.action,
    });
    if (!next.ok) throw statusRefused(next.message);
    await trx
      .updateTable("questionnaires")
      .set({ status: next.to, updated_at: input.clock.now() })
      .where("id", "=", questionnaire.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "questionnaire",
      entityId: questionnaire.id,
      action: EVENT[input.action],
      actorId: input.actorId,
      data: { from: questionnaire.status, to: next.to },
    });
    return { status: next.to, slug: questionnaire.slug };
  });
}
