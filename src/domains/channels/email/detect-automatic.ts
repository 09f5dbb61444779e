/**
 * Recognises mail no human wrote to us — auto-replies, bounces, mailing lists, our own mail coming
 * back — so it is kept but never opens a case nor triggers an acknowledgement (mail loops).
 * Returns the French reason shown to agents, or undefined for a person's message.
 */
import { messageIdDomain } from "./message-id.ts";

export const AUTOMATIC_HEADERS = [
  "auto-submitted",
  "precedence",
  "x-autoreply",
  "x-autorespond",
  "x-autoreply-from",
  "x-mail-autoreply",
  "list-id",
] as const;

export function detectAutomaticEmail(input: {
  headers: Record<string, string>;
  fromAddress: string | undefined;
  messageId: string | undefined;
  /** SMTP MAIL FROM; empty for delivery status notifications. undefined when unknown (IMAP). */
  envelopeFrom: string | undefined | null;
  /** Our sending address (MAIL_FROM) — not the whole domain: agents may write from it. */
  ownAddress: string;
  /** The domain of the Message-IDs we generate. */
  ownMessageIdDomain: string;
}): string | undefined {
  const header = (name: string) => input.headers[name]?.trim().toLowerCase();
  if (input.envelopeFrom === "" || input.envelopeFrom === null) {
    return "Avis de non-remise ou message automatique (expéditeur d'enveloppe vide).";
  }
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && !autoSubmitted.startsWith("no")) {
    return `Réponse automatique (Auto-Submitted: ${autoSubmitted}).`;
  }
  const precedence = header("precedence");
  if (precedence && ["bulk", "junk", "list", "auto_reply"].includes(precedence)) {
    return `Envoi en nombre ou automatique (Precedence: ${precedence}).`;
  }
  if (["x-autoreply", "x-autorespond", "x-autoreply-from", "x-mail-autoreply"].some((h) => header(h))) {
    return "Réponse automatique (en-tête X-Autoreply).";
  }
  if (header("list-id")) return "Message d'une liste de diffusion (List-Id).";
  const from = input.fromAddress?.trim().toLowerCase();
  if (from && /^(mailer-daemon|postmaster)@/.test(from)) return "Avis de non-remise (MAILER-DAEMON).";
  if (from && from === input.ownAddress.trim().toLowerCase()) {
    return "Message venant de l'adresse d'envoi de Guichet (boucle évitée).";
  }
  if (input.messageId && messageIdDomain(input.messageId) === input.ownMessageIdDomain.toLowerCase()) {
    return "Message émis par Guichet lui-même (boucle évitée).";
  }
  return undefined;
}
