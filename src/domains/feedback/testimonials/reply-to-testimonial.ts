/**
 * The town's public reply, four eyes: an agent drafts it, a supervisor (role admin) other than the
 * drafter validates it, which publishes the testimonial with its reply. A supervisor may also publish
 * an approved testimonial without reply, or withdraw a published one (its reply goes back to draft).
 * Publication tells a citizen who asked, through the outbox in the same transaction, then forgets the address.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { enqueueEmail } from "../../channels/email/index.ts";
import { inTransaction } from "../transaction.ts";
import { saveTestimonialChange } from "./save-testimonial-change.ts";
import {
  type FeedbackActor,
  lockTestimonial,
  requireModerator,
  requireSupervisor,
  type Testimonial,
  transition,
} from "./testimonial.ts";
import { cleanText } from "./testimonial-input.ts";

type ReplyInput = {
  db: Db;
  organisationId: string;
  testimonialId: string;
  actor: FeedbackActor;
  clock: Clock;
};

export const REPLY_MAX = 3000;
export const OWN_DRAFT_MESSAGE =
  "Vous avez rédigé cette réponse : elle doit être validée par un autre superviseur.";

export async function draftTestimonialReply(input: ReplyInput & { text: string }): Promise<void> {
  requireModerator(input.actor);
  const text = cleanText(input.text);
  if (text === "" || text.length > REPLY_MAX)
    throw new AppError("BAD_REQUEST", {
      message: "reply draft empty or too long",
      userMessage: `Rédigez la réponse (${REPLY_MAX} caractères au plus).`,
      details: { field: "reponse" },
    });
  await inTransaction(input.db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    transition(current, "draft_reply");
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: { reply_draft: text, reply_drafted_by: input.actor.id, reply_drafted_at: now },
      action: "reply_drafted",
      actor: input.actor,
      now,
    });
  });
}

async function tellCitizen(trx: Db, organisationId: string, testimonialId: string, publicUrl?: string) {
  const row = await trx
    .selectFrom("testimonials")
    .innerJoin("organisations", "organisations.id", "testimonials.organisation_id")
    .select(["testimonials.notify_email", "organisations.name"])
    .where("testimonials.organisation_id", "=", organisationId)
    .where("testimonials.id", "=", testimonialId)
    .executeTakeFirstOrThrow();
  if (!row.notify_email) return;
  const link = publicUrl
    ? `\n\nVous pouvez le lire ici : ${publicUrl.replace(/\/$/, "")}/temoignages\n`
    : "\n";
  await enqueueEmail(trx, {
    organisationId,
    to: row.notify_email,
    subject: `Votre témoignage est publié — ${row.name}`,
    text: `Bonjour,\n\nMerci d'avoir partagé votre expérience. Votre témoignage est désormais publié sur notre site.${link}\nCordialement,\n${row.name}\n`,
    kind: "notification",
  });
  await trx
    .updateTable("testimonials")
    .set({ notify_email: null })
    .where("organisation_id", "=", organisationId)
    .where("id", "=", testimonialId)
    .execute();
}

export async function validateTestimonialReply(input: ReplyInput & { publicUrl?: string }): Promise<void> {
  requireSupervisor(input.actor);
  await inTransaction(input.db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    const status = transition(current, "validate_reply");
    if (!current.replyDraft)
      throw new AppError("CONFLICT", {
        message: "no reply draft to validate",
        userMessage: "Aucune réponse n'a été rédigée : rédigez-la avant de la valider.",
      });
    if (current.replyDraftedBy === input.actor.id)
      throw new AppError("FORBIDDEN", {
        message: "drafter cannot validate own reply",
        userMessage: OWN_DRAFT_MESSAGE,
      });
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: {
        status,
        reply: current.replyDraft,
        reply_validated_by: input.actor.id,
        reply_validated_at: now,
        published_at: now,
      },
      action: "reply_validated",
      actor: input.actor,
      now,
    });
    await tellCitizen(trx, input.organisationId, current.id, input.publicUrl);
  });
}

export async function publishWithoutReply(input: ReplyInput & { publicUrl?: string }): Promise<void> {
  requireSupervisor(input.actor);
  await inTransaction(input.db, async (trx) => {
    const current = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    const status = transition(current, "publish_without_reply");
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: { status, reply: null, reply_validated_by: null, reply_validated_at: null, published_at: now },
      action: "published_without_reply",
      actor: input.actor,
      now,
    });
    await tellCitizen(trx, input.organisationId, current.id, input.publicUrl);
  });
}

export async function unpublishTestimonial(input: ReplyInput): Promise<void> {
  requireSupervisor(input.actor);
  await inTransaction(input.db, async (trx) => {
    const current: Testimonial = await lockTestimonial(trx, input.organisationId, input.testimonialId);
    const status = transition(current, "unpublish");
    const now = input.clock.now();
    await saveTestimonialChange(trx, {
      organisationId: input.organisationId,
      current,
      changes: {
        status,
        reply_draft: current.reply ?? current.replyDraft,
        reply: null,
        reply_validated_by: null,
        reply_validated_at: null,
        published_at: null,
      },
      action: "unpublished",
      actor: input.actor,
      now,
    });
  });
}
