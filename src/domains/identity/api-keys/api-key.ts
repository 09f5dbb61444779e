/**
 * An API key is "gk_" + 256 random bits (base64url). The prefix lets secret scanners and people
 * recognise it; only its SHA-256 is stored, so a copy of the database gives no working key.
 */
import { createHash, randomBytes } from "node:crypto";

const KEY_PATTERN = /^gk_[A-Za-z0-9_-]{43}$/;

export type ApiKeyInfo = {
  id: string;
  organisationId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function newApiKey(): { key: string; hash: string } {
  const key = `gk_${randomBytes(32).toString("base64url")}`;
  return { key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function looksLikeApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
