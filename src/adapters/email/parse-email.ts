/**
 * Raw RFC 5322 bytes → the e-mail channel's `ParsedInbound`, with mailparser. mailparser is lenient
 * (it never throws on bad MIME), so "malformed" means: no readable sender, or nothing readable at all.
 */
import { type AddressObject, simpleParser } from "mailparser";
import {
  AUTOMATIC_HEADERS,
  type InboundAttachment,
  type ParsedInbound,
} from "../../domains/channels/email/index.ts";
import { stripControlCharacters } from "../../shared/text.ts";

const MAX_THREAD_IDS = 50;

/** Last resort when mailparser produced no text: drop invisible blocks, then tags, decode a few entities. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(script|style|head|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function firstAddress(from: AddressObject | undefined): { name: string; address: string } | undefined {
  const entry = from?.value.find((v) => v.address && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.address));
  return entry?.address
    ? { name: (entry.name ?? "").trim(), address: entry.address.trim().toLowerCase() }
    : undefined;
}

function idList(value: string | string[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/);
  return list
    .map((id) => id.trim())
    .filter((id) => /^<?[^\s<>@]+@[^\s<>@]+>?$/.test(id))
    .slice(0, MAX_THREAD_IDS);
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  if (typeof value === "object" && "value" in value && typeof value.value === "string") return value.value;
  return String(value);
}

export async function parseInboundEmail(raw: Buffer): Promise<ParsedInbound> {
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true });
  } catch {
    return { ok: false, reason: "Message illisible : le format de l'e-mail (MIME) n'a pas pu être lu." };
  }
  const from = firstAddress(Array.isArray(parsed.from) ? parsed.from[0] : parsed.from);
  if (!from)
    return { ok: false, reason: "Message illisible : l'adresse de l'expéditeur est absente ou invalide." };

  const attachments: InboundAttachment[] = parsed.attachments
    .filter((a) => !a.related) // images embedded in an HTML signature are not documents
    .map((a) => ({
      filename: a.filename ?? "piece-jointe",
      contentType: a.contentType,
      content: a.content,
    }));
  let text = parsed.text ?? "";
  if (!text.trim() && typeof parsed.html === "string") text = htmlToPlainText(parsed.html);
  text = stripControlCharacters(text).replace(/\r\n?/g, "\n");
  if (!text.trim() && attachments.length === 0) {
    return { ok: false, reason: "Message illisible : aucun texte ni pièce jointe n'a pu être extrait." };
  }

  const headers: Record<string, string> = {};
  for (const name of AUTOMATIC_HEADERS) {
    const value = headerText(parsed.headers.get(name));
    if (value !== undefined) headers[name] = value;
  }
  return {
    ok: true,
    email: {
      messageId: idList(parsed.messageId)[0],
      inReplyTo: idList(parsed.inReplyTo),
      references: idList(parsed.references),
      subject: stripControlCharacters(parsed.subject ?? "")
        .replace(/\s+/g, " ")
        .trim(),
      from,
      text,
      attachments,
      headers,
    },
  };
}
