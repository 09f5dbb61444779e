import type { SessionStore } from "@fastify/session";
import type { Session } from "fastify";
import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";

/**
 * Sessions live in the `sessions` table so every app process sees the same ones. Expiry is
 * checked against the injected clock, and rows past it are deleted by `purgeExpiredSessions`.
 */
export function createDbSessionStore(options: { db: RootDb; clock: Clock; idleMs: number }): SessionStore {
  const { db, clock, idleMs } = options;
  const run = <T>(promise: Promise<T>, callback: (error?: unknown, value?: T) => void) => {
    promise.then(
      (value) => callback(undefined, value),
      (error: unknown) => callback(error),
    );
  };
  return {
    set(sid, session, callback) {
      const expiresAt = new Date(clock.now().getTime() + idleMs);
      const data = JSON.stringify(session);
      run(
        db
          .insertInto("sessions")
          .values({ sid, data, expires_at: expiresAt })
          .onConflict((oc) => oc.column("sid").doUpdateSet({ data, expires_at: expiresAt }))
          .execute(),
        (error) => callback(error),
      );
    },
    get(sid, callback) {
      run(
        db
          .selectFrom("sessions")
          .select("data")
          .where("sid", "=", sid)
          .where("expires_at", ">", clock.now())
          .executeTakeFirst(),
        (error, row) => callback(error ?? null, row ? (row.data as unknown as Session) : null),
      );
    },
    destroy(sid, callback) {
      run(db.deleteFrom("sessions").where("sid", "=", sid).execute(), (error) => callback(error));
    },
  };
}

export async function purgeExpiredSessions(db: RootDb, clock: Clock): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", clock.now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
