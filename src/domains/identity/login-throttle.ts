import { createHash } from "node:crypto";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";

/**
 * Failed logins are counted in the database (not in memory) so every app process sees the same
 * counts. Keys are hashed: the table limits attempts, it does not need to know who tried.
 */
export type LoginThrottlePolicy = { maxPerEmail: number; maxPerAddress: number; windowMs: number };

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  maxPerEmail: 5,
  maxPerAddress: 20,
  windowMs: 15 * 60 * 1000,
};

function key(kind: "email" | "ip", value: string): string {
  return `${kind}:${createHash("sha256").update(value).digest("base64url")}`;
}

export function loginThrottleKeys(email: string, address: string): { email: string; address: string } {
  return { email: key("email", email), address: key("ip", address) };
}

async function countSince(db: Db, throttleKey: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("key", "=", throttleKey)
    .where("attempted_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function isLoginThrottled(
  db: Db,
  options: { email: string; address: string; clock: Clock; policy: LoginThrottlePolicy },
): Promise<boolean> {
  const keys = loginThrottleKeys(options.email, options.address);
  const since = new Date(options.clock.now().getTime() - options.policy.windowMs);
  const [byEmail, byAddress] = await Promise.all([
    countSince(db, keys.email, since),
    countSince(db, keys.address, since),
  ]);
  return byEmail >= options.policy.maxPerEmail || byAddress >= options.policy.maxPerAddress;
}

export async function recordLoginFailure(
  db: Db,
  options: { email: string; address: string; clock: Clock },
): Promise<void> {
  const keys = loginThrottleKeys(options.email, options.address);
  const now = options.clock.now();
  await db
    .insertInto("login_attempts")
    .values([
      { key: keys.email, attempted_at: now },
      { key: keys.address, attempted_at: now },
    ])
    .execute();
}

/** A successful login forgives the address's failures for that e-mail only, not the IP's. */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key("email", email)).execute();
}

export async function purgeOldLoginAttempts(
  db: Db,
  options: { clock: Clock; policy?: LoginThrottlePolicy },
): Promise<number> {
  const windowMs = (options.policy ?? DEFAULT_LOGIN_THROTTLE).windowMs;
  const result = await db
    .deleteFrom("login_attempts")
    .where("attempted_at", "<", new Date(options.clock.now().getTime() - windowMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
