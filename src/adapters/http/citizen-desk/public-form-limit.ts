/**
 * Rate limit of the public forms, counted in the database so every app process sees the same counts.
 * Client addresses are hashed: the table limits, it does not need to know who wrote.
 */
import { createHash } from "node:crypto";
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";

export type FormLimit = { bucket: string; max: number; windowMs: number };

const HOUR = 60 * 60 * 1000;
export const CONTACT_LIMIT: FormLimit = { bucket: "contact", max: 5, windowMs: HOUR };
export const TRACKING_LOOKUP_LIMIT: FormLimit = { bucket: "suivi", max: 10, windowMs: HOUR / 4 };
export const TRACKING_REPLY_LIMIT: FormLimit = { bucket: "reponse", max: 30, windowMs: HOUR };
/** New conversations with the assistant (API and /assistant page share it). */
export const CONVERSATION_START_LIMIT: FormLimit = { bucket: "conversation", max: 30, windowMs: HOUR };
/** Feedback answers (/avis, kiosk): a counter kiosk shares one address, hence a generous limit. */
export const FEEDBACK_LIMIT: FormLimit = { bucket: "avis", max: 60, windowMs: HOUR };
/** Testimonials and the suggestion box (src/adapters/http/routes/testimonials.routes.ts). */
export const TESTIMONIAL_LIMIT: FormLimit = { bucket: "temoignage", max: 5, windowMs: HOUR };
export const SUGGESTION_LIMIT: FormLimit = { bucket: "suggestion", max: 5, windowMs: HOUR };
// Older hits are useless to every bucket above.
const KEEP_MS = 24 * HOUR;

function hitKey(limit: FormLimit, address: string): string {
  return createHash("sha256").update(`${limit.bucket}:${address}`).digest("base64url");
}

export async function isFormLimited(
  db: Db,
  options: { limit: FormLimit; address: string; clock: Clock },
): Promise<boolean> {
  const since = new Date(options.clock.now().getTime() - options.limit.windowMs);
  const row = await db
    .selectFrom("public_form_hits")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("bucket", "=", options.limit.bucket)
    .where("key", "=", hitKey(options.limit, options.address))
    .where("hit_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.count) >= options.limit.max;
}

export async function recordFormHit(
  db: Db,
  options: { limit: FormLimit; address: string; clock: Clock },
): Promise<void> {
  const now = options.clock.now();
  await db
    .insertInto("public_form_hits")
    .values({ bucket: options.limit.bucket, key: hitKey(options.limit, options.address), hit_at: now })
    .execute();
  await db
    .deleteFrom("public_form_hits")
    .where("hit_at", "<", new Date(now.getTime() - KEEP_MS))
    .execute();
}

export function formLimitedError(userMessage: string): AppError {
  return new AppError("TOO_MANY_REQUESTS", { message: "public form rate limited", userMessage });
}
