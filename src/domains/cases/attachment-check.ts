/**
 * Attachments are judged on their content (magic bytes), never on the name or the type the sender
 * declared: a ".pdf" that is a Windows program is refused. Four kinds only, which is what town halls
 * ask for (scans, photos, PDF forms, plain text); three signatures are too small to justify a library,
 * and no library tells plain text from binary the way we need.
 */
import { createHash } from "node:crypto";
import { AppError } from "../../shared/app-error.ts";
import type { IncomingAttachment } from "./case.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;

export type AcceptedContentType = "application/pdf" | "image/png" | "image/jpeg" | "text/plain";

export type CheckedAttachment = {
  filename: string;
  contentType: AcceptedContentType;
  content: Buffer;
  sizeBytes: number;
  sha256: string;
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(content: Buffer, signature: Buffer | number[]): boolean {
  const bytes = Buffer.isBuffer(signature) ? signature : Buffer.from(signature);
  return content.length >= bytes.length && content.subarray(0, bytes.length).equals(bytes);
}

/** UTF-8 that decodes cleanly and has no control characters other than tab, CR, LF and form feed. */
function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const allowedControl = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !allowedControl) || code === 0x7f) return false;
  }
  return true;
}

export function detectContentType(content: Buffer): AcceptedContentType | null {
  if (startsWith(content, Buffer.from("%PDF-", "latin1"))) return "application/pdf";
  if (startsWith(content, PNG_SIGNATURE)) return "image/png";
  if (startsWith(content, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (isPlainText(content)) return "text/plain";
  return null;
}

/** A name safe to show and to put in a Content-Disposition header: no path, no control characters. */
export function safeFilename(name: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}"<>:|?*]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, 150);
  return cleaned === "" ? "piece-jointe" : cleaned;
}

export type AttachmentRefusal = "too_many" | "empty" | "too_large" | "type";

/** Always BAD_REQUEST (like every other field check); `details.reason` tells which rule refused. */
function refuse(reason: AttachmentRefusal, userMessage: string, filename?: string) {
  return new AppError("BAD_REQUEST", {
    message: `attachment refused: ${reason}`,
    userMessage,
    details: { field: "attachments", reason, ...(filename === undefined ? {} : { filename }) },
  });
}

export function checkAttachments(
  attachments: readonly IncomingAttachment[] | undefined,
): CheckedAttachment[] {
  const list = attachments ?? [];
  if (list.length > MAX_ATTACHMENTS_PER_MESSAGE)
    throw refuse(
      "too_many",
      `Vous pouvez joindre au plus ${MAX_ATTACHMENTS_PER_MESSAGE} fichiers par message.`,
    );
  return list.map((attachment) => {
    const filename = safeFilename(attachment.filename);
    const content = Buffer.from(
      attachment.content.buffer,
      attachment.content.byteOffset,
      attachment.content.byteLength,
    );
    if (content.length === 0) throw refuse("empty", `Le fichier « ${filename} » est vide.`, filename);
    if (content.length > MAX_ATTACHMENT_BYTES)
      throw refuse("too_large", `Le fichier « ${filename} » dépasse la taille maximale de 10 Mo.`, filename);
    const contentType = detectContentType(content);
    if (contentType === null)
      throw refuse(
        "type",
        `Le fichier « ${filename} » n'est pas accepté : seuls les documents PDF, les images PNG ou JPEG et les fichiers texte le sont.`,
        filename,
      );
    return {
      filename,
      contentType,
      content,
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
    };
  });
}
