/**
 * Reference + e-mail opens a case for a while without its tracking token (which is only stored
 * hashed and cannot be given back). The page found that way carries a signed, short-lived grant in
 * its reply form: a POST field, so it is never in a URL, a log line or a Referer.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const GRANT_MS = 60 * 60 * 1000;

export type TrackingGrant = { organisationId: string; reference: string; email: string };

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`tracking-grant:${payload}`).digest("base64url");
}

export function issueTrackingGrant(secret: string, grant: TrackingGrant, now: Date): string {
  const payload = Buffer.from(
    JSON.stringify({
      o: grant.organisationId,
      r: grant.reference,
      e: grant.email,
      x: now.getTime() + GRANT_MS,
    }),
  ).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyTrackingGrant(secret: string, value: string, now: Date): TrackingGrant | null {
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof data.o !== "string" || typeof data.r !== "string" || typeof data.e !== "string") return null;
    if (typeof data.x !== "number" || data.x < now.getTime()) return null;
    return { organisationId: data.o, reference: data.r, email: data.e };
  } catch {
    return null;
  }
}
