/** What the outbox worker needs from an SMTP (or other) transport. Implemented in adapters/email. */
export type EmailAttachment = { filename: string; contentType: string; content: Buffer };

export type EmailToSend = {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  /** Sets `Auto-Submitted: auto-replied` (acknowledgements). */
  autoReply: boolean;
  /** Documents attached by the agent (type detected from their content when they were stored). */
  attachments?: EmailAttachment[];
};

/**
 * A failed send says whether trying again can help: "temporary" (connection refused, timeout, 4xx,
 * authentication refused — fixable by the administrator) or "permanent" (5xx on the message or recipient).
 */
export type SendResult =
  | { ok: true; response?: string }
  | { ok: false; kind: "temporary" | "permanent"; code?: number; error: string };

export type EmailSender = {
  send(email: EmailToSend): Promise<SendResult>;
  close(): void;
};
