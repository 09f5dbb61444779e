import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { BackofficeErrorPage } from "../../../web/backoffice/backoffice-error-page.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { backofficeSite } from "./backoffice-site.ts";

export const CSRF_REFUSED_MESSAGE =
  "Ce formulaire a expiré ou ne provient pas de l'espace agents. Rechargez la page et recommencez.";

function isCsrfError(error: FastifyError): boolean {
  return error.code === "FST_CSRF_MISSING_SECRET" || error.code === "FST_CSRF_INVALID_TOKEN";
}

async function renderRefusal(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): Promise<FastifyReply> {
  const status = httpStatusOf(error.code);
  request.log.info({ code: error.code, status }, "request refused");
  const site = await backofficeSite(deps, request, reply);
  return sendPage(
    reply,
    <BackofficeErrorPage site={site} status={status} message={error.userMessage} />,
    status,
  );
}

/**
 * Refusals in the back office (4xx) are shown inside its own layout; anything else goes on to the
 * application's error handler, which logs it and answers with a generic page.
 */
export function installBackofficeErrors(scope: FastifyInstance, deps: AppDeps): void {
  scope.setErrorHandler(async (error: FastifyError, request, reply) => {
    const refusal = isCsrfError(error)
      ? new AppError("FORBIDDEN", { message: error.code, userMessage: CSRF_REFUSED_MESSAGE })
      : error;
    if (isAppError(refusal) && httpStatusOf(refusal.code) < 500) {
      return renderRefusal(deps, request, reply, refusal);
    }
    throw error;
  });
  scope.setNotFoundHandler((request, reply) =>
    renderRefusal(deps, request, reply, new AppError("NOT_FOUND", { message: `no route ${request.method}` })),
  );
}
