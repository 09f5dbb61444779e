/**
 * The citizen's key to follow a case: 192 random bits, base64url, given once; only its SHA-256 is
 * stored, so a copy of the database does not open anyone's case.
 */
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 24;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashTrackingToken(token) };
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Cheap shape check before touching the database (forged or truncated links). */
export function looksLikeTrackingToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
