/** What every administration route shares: the administrator check and form refusals. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { ADMIN_ROLE_REQUIRED_MESSAGE } from "../../../web/backoffice/admin/labels.ts";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import type { SiteContext } from "../../../web/site.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent, takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";

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

/** What a page shown again after a refused form carries: the error beside its field, and the HTTP status. */
export type FormRefusal = { error?: FieldError; status?: number };

/**
 * Sends an administration page: the administrator's site context, the flash message left by the last
 * redirect and, after a refused form, its error (the status defaults to 200).
 */
export async function sendAdminPage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  input: {
    admin: Agent;
    refusal: FormRefusal;
    view: (common: { site: SiteContext; error: FieldError | undefined; flash: string | undefined }) => VNode;
  },
): Promise<FastifyReply> {
  const site = await backofficeSite(deps, request, reply, input.admin);
  const page = input.view({ site, error: input.refusal.error, flash: takeFlash(request) });
  return sendPage(reply, page, input.refusal.status);
}

export function formField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

export function routeParam(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? "";
}
