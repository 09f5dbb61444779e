/** What every administration route shares: the administrator check and form refusals. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { ADMIN_ROLE_REQUIRED_MESSAGE } from "../../../web/backoffice/admin/labels.ts";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import type { AppDeps } from "../deps.ts";
import { requireAgent } from "../plugins/backoffice-auth.ts";

/** Signed-in administrator; redirects to login (null) or refuses (403, French page). */
export async function requireAdmin(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !agent.roles.includes("admin")) {
    throw new AppError("FORBIDDEN", {
      message: "admin role required",
      userMessage: ADMIN_ROLE_REQUIRED_MESSAGE,
    });
  }
  return agent;
}

/** A refusal the user can fix on the form (400, 403 on oneself, 409), or null for any other error. */
export function formError(
  error: unknown,
  fieldId: (field: unknown) => string,
): { error: FieldError; status: number } | null {
  if (!isAppError(error)) return null;
  if (error.code !== "BAD_REQUEST" && error.code !== "CONFLICT" && error.code !== "FORBIDDEN") return null;
  return {
    error: { id: fieldId(error.details?.field), message: error.userMessage },
    status: httpStatusOf(error.code),
  };
}

export function formField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

export function routeParam(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? "";
}
