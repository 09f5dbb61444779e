/**
 * Turns a stored inbound e-mail into a case or a message on its case. The raw message is already in
 * `inbound_emails`; here it is settled once: processed (with its case), rejected (malformed or
 * automatic — a French reason for agents), or failed (unexpected error — kept for a retry).
 * Joining or opening the case and marking the row happen in one transaction.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import type { Logger } from "../../../shared/logger.ts";
import {
  addCitizenMessage,
  findCaseForEmailReply,
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  openCase,
} from "../../cases/index.ts";
import { detectAutomaticEmail } from "./detect-automatic.ts";
import { markInboundEmail } from "./inbound.repo.ts";
import type { InboundEmailContent, ParsedInbound } from "./inbound-email.ts";

export type InboundEmailDeps = {
  db: RootDb;
  clock: Clock;
  logger: Logger;
  organisationId: string;
  publicUrl: string;
  /** MAIL_FROM's address and MAIL_DOMAIN: mail from them is our own coming back. */
  ownAddress: string;
  ownMessageIdDomain: string;
};

export type InboundOutcome =
  | { status: "processed"; caseId: string; joined: boolean }
  | { status: "rejected"; reason: string }
  | { status: "failed"; error: string };

const TRUNCATED_NOTE = "\n\n[Message tronqué : le texte complet reste dans l'e-mail d'origine conservé.]";

function fitText(text: string, max: number, note: string): string {
  return text.length <= max ? text : `${text.slice(0, max - note.length).trimEnd()}${note}`;
}

function bodyOf(email: InboundEmailContent, note: string | undefined): string {
  const text =
    email.text.trim() ||
    (email.attachments.length > 0 ? "(message sans texte, voir les pièces jointes)" : "");
  const suffix = note ? `\n\n[${note}]` : "";
  return fitText(text, MAX_BODY_LENGTH - suffix.length, TRUNCATED_NOTE) + suffix;
}

function isAttachmentRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.details?.field === "attachments";
}

async function settle(
  deps: InboundEmailDeps,
  inboundId: string,
  email: InboundEmailContent,
  options: { attachments: boolean; note?: string; newCase: boolean },
): Promise<InboundOutcome> {
  const subject = fitText(email.subject.trim() || "(sans objet)", MAX_SUBJECT_LENGTH, "…");
  const body = bodyOf(email, options.note);
  const attachments = options.attachments ? email.attachments : [];
  const from = email.from;
  return deps.db.transaction().execute(async (trx) => {
    const found = options.newCase
      ? null
      : await findCaseForEmailReply(trx, {
          organisationId: deps.organisationId,
          inReplyTo: [...email.inReplyTo, ...email.references],
          subject,
          from: from.address,
        });
    let outcome: InboundOutcome;
    if (found && found.status !== "clos") {
      const added = await addCitizenMessage(trx, {
        organisationId: deps.organisationId,
        caseId: found.caseId,
        body,
        attachments,
        emailMessageId: email.messageId ?? null,
        clock: deps.clock,
      });
      outcome = { status: "processed", caseId: added.caseId, joined: true };
    } else {
      const opened = await openCase(trx, {
        organisationId: deps.organisationId,
        channel: "email",
        subject,
        contact: { name: from.name || null, email: from.address },
        body,
        attachments,
        emailMessageId: email.messageId ?? null,
        publicUrl: deps.publicUrl,
        clock: deps.clock,
      });
      outcome = { status: "processed", caseId: opened.caseId, joined: false };
    }
    await markInboundEmail(trx, {
      organisationId: deps.organisationId,
      id: inboundId,
      status: "processed",
      caseId: outcome.caseId,
      messageId: email.messageId ?? null,
      clock: deps.clock,
    });
    return outcome;
  });
}

async function route(
  deps: InboundEmailDeps,
  inboundId: string,
  email: InboundEmailContent,
): Promise<InboundOutcome> {
  try {
    return await settle(deps, inboundId, email, { attachments: true, newCase: false });
  } catch (error) {
    if (isAttachmentRefusal(error)) {
      // The message still reaches the desk; the files stay in the stored original.
      const note = `Pièces jointes non reprises : ${error.userMessage} Elles restent dans l'e-mail d'origine conservé.`;
      return settle(deps, inboundId, email, { attachments: false, note, newCase: false });
    }
    if (error instanceof AppError && error.code === "CONFLICT") {
      // A reply to a closed case starts a new one.
      return settle(deps, inboundId, email, { attachments: true, newCase: true });
    }
    throw error;
  }
}

export async function processInboundEmail(
  deps: InboundEmailDeps,
  input: { inboundId: string; parsed: ParsedInbound; envelopeFrom: string | null | undefined },
): Promise<InboundOutcome> {
  const mark = (status: "rejected" | "failed", error: string, messageId?: string) =>
    markInboundEmail(deps.db, {
      organisationId: deps.organisationId,
      id: input.inboundId,
      status,
      error,
      messageId: messageId ?? null,
      clock: deps.clock,
    });
  let outcome: InboundOutcome;
  if (!input.parsed.ok) {
    await mark("rejected", input.parsed.reason);
    outcome = { status: "rejected", reason: input.parsed.reason };
  } else {
    const email = input.parsed.email;
    const automatic = detectAutomaticEmail({
      headers: email.headers,
      fromAddress: email.from.address,
      messageId: email.messageId,
      envelopeFrom: input.envelopeFrom,
      ownAddress: deps.ownAddress,
      ownMessageIdDomain: deps.ownMessageIdDomain,
    });
    if (automatic) {
      await mark("rejected", automatic, email.messageId);
      outcome = { status: "rejected", reason: automatic };
    } else {
      try {
        outcome = await route(deps, input.inboundId, email);
      } catch (error) {
        if (error instanceof AppError && error.code !== "INTERNAL") {
          await mark("rejected", error.userMessage, email.messageId);
          outcome = { status: "rejected", reason: error.userMessage };
        } else {
          const message = error instanceof Error ? error.message : String(error);
          await mark("failed", message.slice(0, 1000), email.messageId);
          outcome = { status: "failed", error: message };
        }
      }
    }
  }
  deps.logger.info(
    {
      inboundId: input.inboundId,
      outcome: outcome.status,
      caseId: outcome.status === "processed" ? outcome.caseId : undefined,
      joined: outcome.status === "processed" ? outcome.joined : undefined,
    },
    "inbound e-mail",
  );
  return outcome;
}
