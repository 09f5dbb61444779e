/**
 * Links the feedback that motivated an action. The quote shown publicly is scrubbed and has insults
 * masked; by default it is the beginning of the testimonial or suggestion, which agents may shorten.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { isUuid, newId } from "../../../shared/ids.ts";
import { collapseWhitespace } from "../../../shared/text.ts";
import { maskInsults } from "../testimonials/insult-words.ts";
import type { FeedbackActor } from "../testimonials/testimonial.ts";
import { cleanText } from "../testimonials/testimonial-input.ts";
import { SUGGESTION_TRANSITIONS } from "./action-status.ts";

export type SourceInput =
  | { kind: "testimonial"; testimonialId: string; quote?: string }
  | { kind: "suggestion"; suggestionId: string; quote?: string }
  | { kind: "reference"; reference: string; quote?: string };

export const QUOTE_MAX = 280;

/** A public quote: scrubbed, insults masked, cut at a word near QUOTE_MAX. */
export function quoteOf(text: string): string {
  const clean = maskInsults(collapseWhitespace(cleanText(text)));
  if (clean.length <= QUOTE_MAX) return clean;
  const cut = clean.slice(0, QUOTE_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), QUOTE_MAX - 40))}…`;
}

function sourceRefused(userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: "action source refused",
    userMessage,
    details: { field: "source" },
  });
}

export async function addActionSource(
  trx: Db,
  input: {
    organisationId: string;
    actionId: string;
    source: SourceInput;
    actor: FeedbackActor;
    clock: Clock;
  },
): Promise<{ added: boolean }> {
  const { organisationId, source } = input;
  const base = trx
    .selectFrom("improvement_action_sources")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("action_id", "=", input.actionId);
  let values: { testimonial_id?: string; suggestion_id?: string; reference?: string; quote: string };
  if (source.kind === "testimonial") {
    const row = isUuid(source.testimonialId)
      ? await trx
          .selectFrom("testimonials")
          .select(["story"])
          .where("organisation_id", "=", organisationId)
          .where("id", "=", source.testimonialId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw sourceRefused("Ce témoignage est introuvable.");
    if (await base.where("testimonial_id", "=", source.testimonialId).executeTakeFirst())
      return { added: false };
    values = { testimonial_id: source.testimonialId, quote: quoteOf(source.quote || row.story) };
  } else if (source.kind === "suggestion") {
    const row = isUuid(source.suggestionId)
      ? await trx
          .selectFrom("suggestions")
          .select(["body", "status"])
          .where("organisation_id", "=", organisationId)
          .where("id", "=", source.suggestionId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw sourceRefused("Cette suggestion est introuvable.");
    if (await base.where("suggestion_id", "=", source.suggestionId).executeTakeFirst())
      return { added: false };
    values = { suggestion_id: source.suggestionId, quote: quoteOf(source.quote || row.body) };
    const next = SUGGESTION_TRANSITIONS.take_up[row.status];
    if (next && next !== row.status) {
      await trx
        .updateTable("suggestions")
        .set({ status: next, updated_at: input.clock.now() })
        .where("organisation_id", "=", organisationId)
        .where("id", "=", source.suggestionId)
        .execute();
      await recordEvent(trx, {
        organisationId,
        entityType: "suggestion",
        entityId: source.suggestionId,
        action: "taken_up",
        actorId: input.actor.id,
        data: { from: row.status, to: next, actionId: input.actionId },
      });
    }
  } else {
    const reference = collapseWhitespace(cleanText(source.reference));
    if (reference === "" || reference.length > 200)
      throw sourceRefused(
        "Indiquez la référence (200 caractères au plus), par exemple « Enquête d'accueil, mars 2026 ».",
      );
    values = { reference, quote: source.quote ? quoteOf(source.quote) : "" };
  }
  await trx
    .insertInto("improvement_action_sources")
    .values({
      id: newId(),
      organisation_id: organisationId,
      action_id: input.actionId,
      kind: source.kind,
      created_at: input.clock.now(),
      ...values,
    })
    .execute();
  await recordEvent(trx, {
    organisationId,
    entityType: "improvement_action",
    entityId: input.actionId,
    action: "source_added",
    actorId: input.actor.id,
    data: { kind: source.kind },
  });
  return { added: true };
}
