import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Logs carry ids and outcomes, never message bodies or personal data.
 * The redact list is a safety net, not a licence to log bodies.
 */
export function createLogger(options: { level: string; pretty?: boolean }): Logger {
  return pino({
    level: options.level,
    base: undefined,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "res.headers['set-cookie']",
        "password",
        "*.password",
        "email",
        "*.email",
        "body",
        "*.body",
      ],
      censor: "[masqué]",
    },
  });
}
