/**
 * The one error type of Guichet. `code` drives the HTTP status (see `httpStatusOf`);
 * `userMessage` is French and safe to show to a citizen; `message` is for logs only.
 */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "UNAVAILABLE"
  | "INTERNAL";

const DEFAULT_USER_MESSAGES: Record<AppErrorCode, string> = {
  BAD_REQUEST: "La demande n'est pas valide.",
  UNAUTHENTICATED: "Veuillez vous connecter pour continuer.",
  FORBIDDEN: "Vous n'avez pas les droits nécessaires pour cette action.",
  NOT_FOUND: "La page ou l'élément demandé est introuvable.",
  CONFLICT: "Cette action entre en conflit avec une modification récente. Veuillez réessayer.",
  PAYLOAD_TOO_LARGE: "Le contenu envoyé est trop volumineux.",
  UNSUPPORTED_MEDIA_TYPE: "Ce type de contenu n'est pas accepté.",
  TOO_MANY_REQUESTS: "Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.",
  UNAVAILABLE: "Le service démarre ou est momentanément indisponible. Veuillez réessayer dans un instant.",
  INTERNAL: "Une erreur inattendue s'est produite. Veuillez réessayer plus tard.",
};

const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  /** Optional machine-readable details safe to return (e.g. which field is invalid). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: AppErrorCode,
    options: {
      message?: string;
      userMessage?: string;
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? DEFAULT_USER_MESSAGES[code];
    this.details = options.details;
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  return HTTP_STATUS[code];
}

export function defaultUserMessage(code: AppErrorCode): string {
  return DEFAULT_USER_MESSAGES[code];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
