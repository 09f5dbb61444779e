import { randomBytes } from "node:crypto";

/** 144 random bits, URL-safe: the conversation id is the citizen's only key to it. */
export function newConversationId(): string {
  return randomBytes(18).toString("base64url");
}

const PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function isConversationId(value: string): boolean {
  return PATTERN.test(value);
}
