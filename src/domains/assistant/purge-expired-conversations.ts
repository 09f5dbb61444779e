/**
 * Retention of the assistant's transcripts: conversations quiet for longer than the retention are
 * deleted with their messages, and so are the questions kept for editors from that period. A case
 * opened by a hand-off keeps its own copy under the cases' retention.
 */
import { sql } from "kysely";
import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeExpiredConversations(
  db: RootDb,
  input: { organisationId: string; retentionDays: number; clock: Clock },
): Promise<{ conversations: number; messages: number; questions: number }> {
  const cutoff = new Date(input.clock.now().getTime() - input.retentionDays * DAY_MS);
  return db.transaction().execute(async (trx) => {
    const messages = await trx
      .selectFrom("conversation_messages")
      .innerJoin("conversations", "conversations.id", "conversation_messages.conversation_id")
      .select(sql<number>`count(*)::int`.as("count"))
      .where("conversations.organisation_id", "=", input.organisationId)
      .where("conversations.last_activity_at", "<", cutoff)
      .executeTakeFirstOrThrow();
    const conversations = await trx
      .deleteFrom("conversations")
      .where("organisation_id", "=", input.organisationId)
      .where("last_activity_at", "<", cutoff)
      .executeTakeFirst();
    const questions = await trx
      .deleteFrom("unanswered_questions")
      .where("organisation_id", "=", input.organisationId)
      .where("created_at", "<", cutoff)
      .executeTakeFirst();
    const counts = {
      conversations: Number(conversations.numDeletedRows),
      messages: Number(messages.count),
      questions: Number(questions.numDeletedRows),
    };
    if (counts.conversations + counts.questions > 0) {
      await recordEvent(trx, {
        organisationId: input.organisationId,
        entityType: "conversation",
        entityId: "retention",
        action: "conversations.purged",
        data: { ...counts, retentionDays: input.retentionDays },
      });
    }
    return counts;
  });
}
