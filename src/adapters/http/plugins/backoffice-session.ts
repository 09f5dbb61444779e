import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifySession from "@fastify/session";
import type { FastifyInstance } from "fastify";
import { ensureSessionSecret, purgeOldLoginAttempts } from "../../../domains/identity/index.ts";
import type { AppDeps } from "../deps.ts";
import { createDbSessionStore, purgeExpiredSessions } from "./db-session-store.ts";

declare module "fastify" {
  interface Session {
    agentId?: string;
    /** One-time confirmation shown on the next page ("Contenu publié."). */
    flash?: string;
    _csrf?: string;
  }
}

export const SESSION_COOKIE = "guichet_session";
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookies, sessions and CSRF for one encapsulated scope (the back office), so public pages
 * neither read nor set cookies. Call inside `app.register(async (scope) => …)`.
 */
export async function registerBackofficeSession(scope: FastifyInstance, deps: AppDeps): Promise<void> {
  const secret = deps.config.sessionSecret ?? (await ensureSessionSecret(deps.db));
  const secure = deps.config.publicUrl.startsWith("https:");
  await scope.register(fastifyCookie);
  await scope.register(fastifySession, {
    secret,
    cookieName: SESSION_COOKIE,
    store: createDbSessionStore({ db: deps.db, clock: deps.clock, idleMs: SESSION_IDLE_MS }),
    saveUninitialized: false,
    // Each request pushes the idle expiry back by 8 hours.
    rolling: true,
    cookie: { path: "/admin", httpOnly: true, sameSite: "lax", secure, maxAge: SESSION_IDLE_MS },
  });
  await scope.register(fastifyCsrf, { sessionPlugin: "@fastify/session" });

  scope.addHook("preHandler", (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method)) return done();
    scope.csrfProtection(request, reply, done);
  });

  // Expired sessions and old login failures are removed from time to time by whichever
  // process serves the back office; no process needs to own a timer.
  let nextPurge = 0;
  scope.addHook("onResponse", async () => {
    const now = deps.clock.now().getTime();
    if (now < nextPurge) return;
    nextPurge = now + PURGE_EVERY_MS;
    try {
      const sessions = await purgeExpiredSessions(deps.db, deps.clock);
      const attempts = await purgeOldLoginAttempts(deps.db, { clock: deps.clock });
      if (sessions + attempts > 0) deps.logger.debug({ sessions, attempts }, "back-office purge");
    } catch (error) {
      deps.logger.warn({ err: error }, "back-office purge failed");
    }
  });
}
