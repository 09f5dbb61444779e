/**
 * The SMS gateway of this deployment, from the configuration: the generic HTTP gateway when
 * SMS_API_URL is set, else none — the phone assistant then never offers to send a link.
 */
import type { SmsConfig } from "../../config.ts";
import type { SmsSender } from "../../domains/channels/voice/index.ts";
import type { Logger } from "../../shared/logger.ts";
import { createHttpSmsSender } from "./http-sms-sender.ts";

export function createSmsSender(config: SmsConfig | undefined, logger: Logger): SmsSender | null {
  if (!config) return null;
  return createHttpSmsSender({
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    sender: config.sender,
    timeoutMs: config.timeoutMs,
    onFailure: (failure) => logger.warn(failure, "SMS not sent"),
  });
}
