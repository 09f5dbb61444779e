import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../shared/clock.ts";
import type { Db, FeedbackChannel } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { newId } from "../../shared/ids.ts";
import { questionnaireNotFound } from "./feedback-errors.ts";
import { findPublishedQuestionnaire } from "./questionnaires.repo.ts";

export const INVITATION_TTL_DAYS = 30;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isInvitationToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

/** Only this is stored: the database alone cannot answer in someone's name. */
export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function feedbackLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/avis?invitation=${token}`;
}

/**
 * A one-time invitation to answer (after a resolved case, at the end of a chat): a 256-bit token given
 * once to the caller, valid 30 days, that tags the answer with its channel, topic and case.
 */
export async function createFeedbackInvitation(
  db: Db,
  input: {
    organisationId: string;
    channel: FeedbackChannel;
    questionnaireSlug?: string;
    topic?: string | null;
    caseId?: string | null;
    conversationId?: string | null;
    clock: Clock;
  },
): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  const questionnaire = await findPublishedQuestionnaire(db, {
    organisationId: input.organisationId,
    slug: input.questionnaireSlug ?? "jdma",
    clock: input.clock,
  });
  if (!questionnaire) throw questionnaireNotFound();
  const token = randomBytes(32).toString("base64url");
  const now = input.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const invitationId = newId();
  await db
    .insertInto("feedback_invitations")
    .values({
      id: invitationId,
      organisation_id: input.organisationId,
      token_hash: invitationTokenHash(token),
      questionnaire_id: questionnaire.id,
      channel: input.channel,
      topic: input.topic ?? null,
      case_id: input.caseId ?? null,
      conversation_id: input.conversationId ?? null,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  await recordEvent(db, {
    organisationId: input.organisationId,
    entityType: "feedback_invitation",
    entityId: invitationId,
    action: "created",
    data: { channel: input.channel, questionnaire: questionnaire.slug, caseId: input.caseId ?? null },
  });
  return { invitationId, token, expiresAt };
}
