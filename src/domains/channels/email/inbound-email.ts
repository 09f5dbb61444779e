/** A received e-mail once parsed (by the adapter), in the terms the e-mail channel works with. */
export type InboundAttachment = { filename: string; contentType: string; content: Buffer };

export type InboundEmailContent = {
  messageId: string | undefined;
  inReplyTo: string[];
  references: string[];
  subject: string;
  /** Always present: a message without a readable sender is rejected by the parser. */
  from: { name: string; address: string };
  /** Plain text (converted from HTML when the message has no text part). Never markup. */
  text: string;
  attachments: InboundAttachment[];
  /** Lower-cased header names → value, only the headers that tell robots and lists apart. */
  headers: Record<string, string>;
};

export type ParsedInbound = { ok: true; email: InboundEmailContent } | { ok: false; reason: string };
