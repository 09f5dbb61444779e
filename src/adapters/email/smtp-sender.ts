/**
 * SMTP sender (nodemailer) behind the outbox's `EmailSender` port: bounded timeouts, failures returned
 * as "temporary" or "permanent" from the SMTP reply code instead of thrown.
 */
import nodemailer from "nodemailer";
import type { EmailSender, EmailToSend, SendResult } from "../../domains/channels/email/email-sender.port.ts";
import { textToEmailHtml } from "./email-html.tsx";

export type SmtpSenderOptions = {
  /** smtp://user:pass@host:port or smtps://… (nodemailer connection URL; query options allowed). */
  url: string;
  from: string;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
};

type NodemailerError = Error & { code?: string; responseCode?: number; response?: string };

/** Exported for tests: how a nodemailer error maps to a retry decision. */
export function classifySmtpError(error: unknown): Extract<SendResult, { ok: false }> {
  const err = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const code = typeof err.responseCode === "number" ? err.responseCode : undefined;
  // Refused credentials are a configuration problem: keep the mail until the administrator fixes it.
  const permanent =
    err.code !== "EAUTH" &&
    ((code !== undefined && code >= 500) ||
      (code === undefined && (err.code === "EENVELOPE" || err.code === "EMESSAGE")));
  const detail = (err.response ?? err.message).replace(/\s+/g, " ").slice(0, 500);
  return {
    ok: false,
    kind: permanent ? "permanent" : "temporary",
    code,
    error: err.code ? `${err.code}: ${detail}` : detail,
  };
}

export function createSmtpSender(options: SmtpSenderOptions): EmailSender {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  });

  return {
    async send(email: EmailToSend): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: textToEmailHtml(email.text),
          messageId: email.messageId,
          inReplyTo: email.inReplyTo,
          references: email.references.length > 0 ? email.references : undefined,
          headers: email.autoReply ? { "Auto-Submitted": "auto-replied" } : undefined,
          attachments: email.attachments?.map((attachment) => ({
            filename: attachment.filename,
            content: attachment.content,
            contentType: attachment.contentType,
            contentDisposition: "attachment" as const,
          })),
        });
        return { ok: true, response: info.response };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
