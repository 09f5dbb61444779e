/**
 * A generic HTTP SMS gateway: POST `{ to, text, from? }` as JSON with a bearer token to SMS_API_URL —
 * the shape many French SMS gateways accept directly, or behind a small relay the town runs. Bounded in
 * time; every failure is a typed result (never thrown), reported by `onFailure` for the logs, which get
 * the failure and the status, never the number or the text.
 */
import type { SmsFailure, SmsSender } from "../../domains/channels/voice/index.ts";

export function createHttpSmsSender(options: {
  apiUrl: string;
  apiKey?: string | undefined;
  /** Sender name shown on the phone, when the gateway allows one. */
  sender?: string | undefined;
  timeoutMs?: number;
  onFailure?: (failure: { reason: SmsFailure; status?: number }) => void;
  fetch?: typeof fetch;
}): SmsSender {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const fail = (reason: SmsFailure, status?: number) => {
    options.onFailure?.(status === undefined ? { reason } : { reason, status });
    return { ok: false as const, failure: reason };
  };
  return {
    async send(message) {
      const body = JSON.stringify({
        to: message.to,
        text: message.text,
        ...(options.sender ? { from: options.sender } : {}),
      });
      try {
        const response = await doFetch(options.apiUrl, {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            accept: "application/json",
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "error",
        });
        // The body is read (and dropped) so the connection is released; its content is not needed.
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return { ok: true };
        if (response.status === 401 || response.status === 403) return fail("unauthorized", response.status);
        if (response.status >= 400 && response.status < 500) return fail("rejected", response.status);
        return fail("provider_error", response.status);
      } catch (error) {
        return fail((error as Error).name === "TimeoutError" ? "timeout" : "unreachable");
      }
    },
  };
}
