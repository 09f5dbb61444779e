/**
 * The town's public reply, four eyes: an agent drafts it, a supervisor (role admin) other than the
 * drafter validates it, which publishes the testimonial with its reply. A supervisor may also publish
 * an approved testimonial without reply, or withdraw a published one (its reply goes back to draft).
 * Publication tells a citizen who asked, through the outbox in the same transaction, then forgets the address.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Db } from "../../../shared/database.ts";
import { enqueueEmail } from "../../channels/email/index.ts";
import { changeTestimonial, type TestimonialChangeInput } from "./save-testimonial-change.ts";
import { requireModerator, requireSupervisor } from "./testimonial.ts";
import { cleanText } from "./testimonial-input.ts";

export const REPLY_MAX = 3000;
export const OWN_DRAFT_MESSAGE =
  "Vous avez rédigé cette réponse : elle doit être validée par un autre superviseur.";

export async function draftTestimonialReply(input: TestimonialChangeInput & { text: string }): Promise<void> {
  requireModerator(input.actor);
  const text = cleanText(input.text);
  if (text === "" || text.length > REPLY_MAX)
    throw new AppError("BAD_REQUEST", {
      message: "reply draft empty or too long",
      userMessage: `Rédigez la réponse (${REPLY_MAX} caractères au plus).`,
      details: { field: "reponse" },
    });
  await changeTestimonial(input, {
    event: "draft_reply",
    action: "reply_drafted",
    changes: ({ now }) => ({ reply_draft: text, reply_drafted_by: input.actor.id, reply_drafted_at: now }),
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

export async function validateTestimonialReply(
  input: TestimonialChangeInput & { publicUrl?: string },
): Promise<void> {
  requireSupervisor(input.actor);
  await changeTestimonial(input, {
    event: "validate_reply",
    action: "reply_validated",
    changes: ({ current, status, now }) => {
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
      return {
        status,
        reply: current.replyDraft,
        reply_validated_by: input.actor.id,
        reply_validated_at: now,
        published_at: now,
      };
    },
    afterSave: (trx, current) => tellCitizen(trx, input.organisationId, current.id, input.publicUrl),
  });
}

export async function publishWithoutReply(
  input: TestimonialChangeInput & { publicUrl?: string },
): Promise<void> {
  requireSupervisor(input.actor);
  await changeTestimonial(input, {
    event: "publish_without_reply",
    action: "published_without_reply",
    changes: ({ status, now }) => ({
      status,
      reply: null,
      reply_validated_by: null,
      reply_validated_at: null,
      published_at: now,
    }),
    afterSave: (trx, current) => tellCitizen(trx, input.organisationId, current.id, input.publicUrl),
  });
}

export async function unpublishTestimonial(input: TestimonialChangeInput): Promise<void> {
  requireSupervisor(input.actor);
  await changeTestimonial(input, {
    event: "unpublish",
    action: "unpublished",
    changes: ({ current, status }) => ({
      status,
      reply_draft: current.reply ?? current.replyDraft,
      reply: null,
      reply_validated_by: null,
      reply_validated_at: null,
      published_at: null,
    }),
  });
}
