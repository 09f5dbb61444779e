import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, type AppErrorCode, defaultUserMessage, httpStatusOf } from "../../shared/app-error.ts";
import { renderErrorPage } from "../../web/pages/error-page.tsx";
import type { AppDeps } from "./deps.ts";
import { siteContext } from "./site-context.ts";

/** Maps framework errors (validation, body size, content type) to AppError codes. */
function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return new AppError("BAD_REQUEST", {
      message: fastifyError.message,
      userMessage:
        "Certaines informations envoyées ne sont pas valides. Vérifiez le formulaire et réessayez.",
    });
  }
  const status = fastifyError.statusCode ?? 500;
  const byStatus: Record<number, AppErrorCode> = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "TOO_MANY_REQUESTS",
  };
  const code = byStatus[status] ?? "INTERNAL";
  return new AppError(code, { message: error.message, cause: error });
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/") || request.url === "/health";
}

export function sendError(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const status = httpStatusOf(error.code);
  const userMessage = status >= 500 ? defaultUserMessage(error.code) : error.userMessage;
  reply.status(status);
  if (wantsJson(request)) {
    return reply.send({
      error: { code: error.code, message: userMessage, requestId: request.id, ...(error.details ?? {}) },
    });
  }
  return reply.type("text/html; charset=utf-8").send(
    renderErrorPage({
      site: siteContext(deps),
      status,
      message: userMessage,
      requestId: status >= 500 ? request.id : undefined,
    }),
  );
}

export function installErrorHandlers(app: FastifyInstance, deps: AppDeps): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    const status = httpStatusOf(appError.code);
    if (status >= 500) {
      request.log.error({ err: error, code: appError.code }, "request failed");
    } else {
      request.log.info({ code: appError.code, status }, "request refused");
    }
    return sendError(deps, request, reply, appError);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(deps, request, reply, new AppError("NOT_FOUND", { message: `no route ${request.method}` })),
  );
}
