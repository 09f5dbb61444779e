import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../deps.ts";

export async function registerBackofficeRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {
  // filled in by the backoffice work
}
