import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { AppDeps } from "../deps.ts";

export async function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get("/health", async (_request, reply) => {
    if (!deps.readiness.isReady()) {
      return reply.status(503).send({ status: "starting", phase: deps.readiness.phase });
    }
    try {
      await sql`SELECT 1`.execute(deps.db);
    } catch {
      return reply.status(503).send({ status: "unavailable", phase: "database" });
    }
    return { status: "ok" };
  });
}
