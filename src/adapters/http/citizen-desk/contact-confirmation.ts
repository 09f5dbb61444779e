/**
 * The contact form carries a one-time key. The case stores only its hash (as `submissionKey`), and
 * the tracking token is kept encrypted with a key derived from it: a second post of the same form
 * (double click, reload) can show the same confirmation with the same tracking link, while nothing
 * in the database alone opens the case.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";

const FORM_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export function newFormKey(): string {
  return randomBytes(16).toString("base64url");
}

export function isFormKey(value: string | undefined): value is string {
  return typeof value === "string" && FORM_KEY_PATTERN.test(value);
}

export function submissionKeyOf(formKey: string): string {
  return `web:${createHash("sha256").update(formKey).digest("hex")}`;
}

function sealingKey(formKey: string): Buffer {
  return Buffer.from(hkdfSync("sha256", formKey, "", "guichet-contact-confirmation", 32));
}

export function sealToken(formKey: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(formKey), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

export function unsealToken(formKey: string, sealed: string): string | null {
  try {
    const bytes = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(formKey), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export async function saveConfirmation(
  db: Db,
  input: { organisationId: string; formKey: string; token: string; clock: Clock },
): Promise<void> {
  const now = input.clock.now();
  await db
    .insertInto("contact_confirmations")
    .values({
      organisation_id: input.organisationId,
      submission_key: submissionKeyOf(input.formKey),
      sealed_token: sealToken(input.formKey, input.token),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["organisation_id", "submission_key"]).doNothing())
    .execute();
  await db
    .deleteFrom("contact_confirmations")
    .where("created_at", "<", new Date(now.getTime() - KEEP_MS))
    .execute();
}

export async function findConfirmedToken(
  db: Db,
  input: { organisationId: string; formKey: string },
): Promise<string | null> {
  const row = await db
    .selectFrom("contact_confirmations")
    .select("sealed_token")
    .where("organisation_id", "=", input.organisationId)
    .where("submission_key", "=", submissionKeyOf(input.formKey))
    .executeTakeFirst();
  return row ? unsealToken(input.formKey, row.sealed_token) : null;
}
