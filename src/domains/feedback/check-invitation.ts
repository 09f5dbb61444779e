import type { Clock } from "../../shared/clock.ts";
import type { Db, FeedbackChannel } from "../../shared/database.ts";
import { invitationTokenHash, isInvitationToken } from "./create-invitation.ts";
import { invitationExpired, invitationInvalid, invitationUsed } from "./feedback-errors.ts";

export type FeedbackInvitation = {
  id: string;
  questionnaireId: string;
  channel: FeedbackChannel;
  topic: string | null;
  caseId: string | null;
  conversationId: string | null;
};

const CHANNELS: readonly string[] = ["web", "email", "chat", "phone", "counter"];

/**
 * The invitation a token opens, or a French refusal: forged or unknown (NOT_FOUND), expired
 * (NOT_FOUND), already answered (CONFLICT "Vous avez déjà répondu, merci."). `forUpdate` locks it for
 * the transaction that stores the answer, so two posts of one link store one answer.
 */
export async function checkFeedbackInvitation(
  db: Db,
  input: { organisationId: string; token: string; clock: Clock; forUpdate?: boolean },
): Promise<FeedbackInvitation> {
  if (!isInvitationToken(input.token)) throw invitationInvalid();
  let query = db
    .selectFrom("feedback_invitations")
    .select([
      "id",
      "questionnaire_id",
      "channel",
      "topic",
      "case_id",
      "conversation_id",
      "expires_at",
      "used_at",
    ])
    .where("organisation_id", "=", input.organisationId)
    .where("token_hash", "=", invitationTokenHash(input.token));
  if (input.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw invitationInvalid();
  if (row.used_at) throw invitationUsed();
  if (new Date(row.expires_at).getTime() <= input.clock.now().getTime()) throw invitationExpired();
  return {
    id: row.id,
    questionnaireId: row.questionnaire_id,
    channel: (CHANNELS.includes(row.channel) ? row.channel : "web") as FeedbackChannel,
    topic: row.topic,
    caseId: row.case_id,
    conversationId: row.conversation_id,
  };
}
