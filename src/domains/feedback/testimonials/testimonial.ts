/** A testimonial as the use cases and pages see it, and the rules shared by its use cases. */

import { AppError } from "../../../shared/app-error.ts";
import type {
  Db,
  TestimonialChannel,
  TestimonialFeeling,
  TestimonialStatus,
} from "../../../shared/database.ts";
import { isUuid } from "../../../shared/ids.ts";
import type { AgentRole } from "../../identity/index.ts";
import {
  nextTestimonialStatus,
  TESTIMONIAL_REFUSAL_MESSAGES,
  type TestimonialEvent,
} from "./testimonial-status.ts";

/** Who acts in the back office: the signed-in agent with the roles read on this request. */
export type FeedbackActor = { id: string; roles: readonly AgentRole[] };

export type Testimonial = {
  id: string;
  channel: TestimonialChannel;
  title: string;
  story: string;
  feeling: TestimonialFeeling;
  tags: string[];
  status: TestimonialStatus;
  flaggedWords: string[];
  wantsNotice: boolean;
  rejectionReason: string | null;
  replyDraft: string | null;
  replyDraftedBy: string | null;
  replyDraftedAt: Date | null;
  reply: string | null;
  replyValidatedBy: string | null;
  publishedAt: Date | null;
  improvementActionId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = [
  "id",
  "channel",
  "title",
  "story",
  "feeling",
  "tags",
  "status",
  "flagged_words",
  "notify_email",
  "rejection_reason",
  "reply_draft",
  "reply_drafted_by",
  "reply_drafted_at",
  "reply",
  "reply_validated_by",
  "published_at",
  "improvement_action_id",
  "created_at",
  "updated_at",
] as const;

export async function selectTestimonial(
  db: Db,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Testimonial | null> {
  if (!isUuid(id)) return null;
  let query = db
    .selectFrom("testimonials")
    .select(COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    channel: row.channel,
    title: row.title,
    story: row.story,
    feeling: row.feeling,
    tags: row.tags,
    status: row.status,
    flaggedWords: row.flagged_words,
    wantsNotice: row.notify_email !== null,
    rejectionReason: row.rejection_reason,
    replyDraft: row.reply_draft,
    replyDraftedBy: row.reply_drafted_by,
    replyDraftedAt: row.reply_drafted_at,
    reply: row.reply,
    replyValidatedBy: row.reply_validated_by,
    publishedAt: row.published_at,
    improvementActionId: row.improvement_action_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function testimonialNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "testimonial not found",
    userMessage: "Ce témoignage est introuvable.",
  });
}

export const MODERATOR_ROLE_MESSAGE =
  "La modération des témoignages est réservée aux agents d'accueil et aux administrateurs.";
export const SUPERVISOR_ROLE_MESSAGE =
  "Seul un superviseur (rôle administrateur) peut valider une réponse publique.";

/** Agents (role agent) and admins moderate and draft; only admins validate and publish. */
export function requireModerator(actor: FeedbackActor): void {
  if (!actor.roles.includes("agent") && !actor.roles.includes("admin"))
    throw new AppError("FORBIDDEN", {
      message: "moderator role required",
      userMessage: MODERATOR_ROLE_MESSAGE,
    });
}

export function requireSupervisor(actor: FeedbackActor): void {
  if (!actor.roles.includes("admin"))
    throw new AppError("FORBIDDEN", {
      message: "supervisor role required",
      userMessage: SUPERVISOR_ROLE_MESSAGE,
    });
}

/** The next status for `event`, or a CONFLICT with the French reason. */
export function transition(current: Testimonial, event: TestimonialEvent): TestimonialStatus {
  const decision = nextTestimonialStatus(current.status, event);
  if (!decision.ok)
    throw new AppError("CONFLICT", {
      message: `testimonial ${event} refused from ${current.status}`,
      userMessage: TESTIMONIAL_REFUSAL_MESSAGES[decision.refusal],
      details: { refusal: decision.refusal },
    });
  return decision.status;
}

/** Loads a testimonial for a change, locked until the transaction ends. */
export async function lockTestimonial(db: Db, organisationId: string, id: string): Promise<Testimonial> {
  const current = await selectTestimonial(db, organisationId, id, { forUpdate: true });
  if (!current) throw testimonialNotFound();
  return current;
}
