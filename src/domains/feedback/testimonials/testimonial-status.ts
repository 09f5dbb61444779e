/**
 * The testimonial workflow as data (the Services Publics + model):
 *   a_moderer → approuve → publie        (a validated reply, or "publier sans réponse")
 *   a_moderer / approuve → rejete        (final; a published testimonial is withdrawn first)
 *   publie → approuve                    (withdrawn; its reply goes back to draft)
 * Editing out personal data, drafting a reply and flagging an improvement leave the status alone.
 * `nextTestimonialStatus` is pure: the use cases call it and turn a refusal into an AppError.
 */
import type { TestimonialStatus } from "../../../shared/database.ts";

export const TESTIMONIAL_STATUSES: readonly TestimonialStatus[] = [
  "a_moderer",
  "approuve",
  "rejete",
  "publie",
];

export type TestimonialEvent =
  | "approve"
  | "reject"
  | "edit"
  | "draft_reply"
  | "validate_reply"
  | "publish_without_reply"
  | "unpublish"
  | "flag_improvement";

export type TestimonialRefusal = "final" | "not_allowed";

/** The next status ("same": allowed, no change; null: refused). */
type Move = TestimonialStatus | "same" | null;

export const TESTIMONIAL_TRANSITIONS: Record<TestimonialEvent, Record<TestimonialStatus, Move>> = {
  approve: { a_moderer: "approuve", approuve: null, rejete: null, publie: null },
  reject: { a_moderer: "rejete", approuve: "rejete", rejete: null, publie: null },
  edit: { a_moderer: "same", approuve: "same", rejete: null, publie: "same" },
  draft_reply: { a_moderer: "same", approuve: "same", rejete: null, publie: null },
  validate_reply: { a_moderer: null, approuve: "publie", rejete: null, publie: null },
  publish_without_reply: { a_moderer: null, approuve: "publie", rejete: null, publie: null },
  unpublish: { a_moderer: null, approuve: null, rejete: null, publie: "approuve" },
  flag_improvement: { a_moderer: "same", approuve: "same", rejete: "same", publie: "same" },
};

export type TestimonialDecision =
  | { ok: true; status: TestimonialStatus; changed: boolean }
  | { ok: false; refusal: TestimonialRefusal };

export function nextTestimonialStatus(
  current: TestimonialStatus,
  event: TestimonialEvent,
): TestimonialDecision {
  const move = TESTIMONIAL_TRANSITIONS[event][current];
  if (move === null) return { ok: false, refusal: current === "rejete" ? "final" : "not_allowed" };
  if (move === "same") return { ok: true, status: current, changed: false };
  return { ok: true, status: move, changed: move !== current };
}

export const TESTIMONIAL_STATUS_LABELS: Record<TestimonialStatus, string> = {
  a_moderer: "À modérer",
  approuve: "Approuvé, en attente de réponse",
  rejete: "Rejeté",
  publie: "Publié",
};

export const TESTIMONIAL_REFUSAL_MESSAGES: Record<TestimonialRefusal, string> = {
  final: "Ce témoignage a été rejeté : il ne peut plus être modifié ni publié.",
  not_allowed: "Cette action n'est pas possible dans l'état actuel du témoignage. Rechargez la page.",
};
