/**
 * An SMS gateway, as the voice channel needs it: one text to one number. A town plugs in its provider
 * (src/adapters/sms/); without one, the call never offers to send a link.
 */
export type SmsFailure =
  /** The gateway did not answer in time. */
  | "timeout"
  /** The gateway could not be reached (DNS, connection refused, TLS). */
  | "unreachable"
  /** The gateway refused our credentials (401, 403). */
  | "unauthorized"
  /** The gateway refused this message (a bad number, a text too long, a quota: other 4xx). */
  | "rejected"
  /** The gateway failed (5xx, or an answer we cannot read). */
  | "provider_error";

export type SmsResult = { ok: true } | { ok: false; failure: SmsFailure };

export type SmsSender = {
  /** `to` in international form (+33612345678); never throws, a failure is a result. */
  send(message: { to: string; text: string }): Promise<SmsResult>;
};
