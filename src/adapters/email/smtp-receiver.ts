/**
 * Built-in SMTP receiver (smtp-server). Meant to listen on loopback behind the town's mail relay
 * (Postfix, Exim…) which does TLS, SPF/DKIM/DMARC and anti-spam, then forwards to us: hence no AUTH and
 * no STARTTLS here. It never relays anything — it only files mail into the desk.
 * Order matters: the raw message is stored before it is parsed or processed, and only then does the
 * client get its 250, so an accepted message is never lost; if storing fails the client gets a 451
 * and tries again later.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerError } from "smtp-server";
import {
  type InboundEmailDeps,
  type InboundOutcome,
  listUnsettledInboundEmails,
  processInboundEmail,
  storeInboundEmail,
} from "../../domains/channels/email/index.ts";
import { type RecipientRouter, recipientRouter } from "./inbound-routes.ts";
import { parseInboundEmail } from "./parse-email.ts";

export type SmtpReceiverOptions = InboundEmailDeps & {
  port: number;
  host: string;
  maxBytes: number;
  /** Greeting name; defaults to the Message-ID domain. */
  serverName?: string;
  /**
   * Several organisations on one receiver (SMTP_IN_ROUTES): the organisation of each recipient,
   * unknown ones refused at RCPT. Without it, everything goes to `organisationId`.
   */
  router?: RecipientRouter;
};

/** Protocol text (RFC 3463 enhanced code), like any mail server's: read by the sending server. */
const UNKNOWN_RECIPIENT_REPLY = "5.1.1 Recipient address rejected: no such mailbox here";

function smtpError(code: number, message: string): SMTPServerError {
  const error: SMTPServerError = new Error(message);
  error.responseCode = code;
  return error;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions) {
  const { logger } = options;
  const maxMegabytes = Math.floor(options.maxBytes / (1024 * 1024));

  const router = options.router ?? recipientRouter(undefined, options.organisationId);

  async function fileMessage(
    organisationId: string,
    raw: Buffer,
    envelopeFrom: string | null,
    envelopeTo: string[],
    remoteAddress: string | null,
  ): Promise<InboundOutcome> {
    const deps = { ...options, organisationId };
    const { id } = await storeInboundEmail(options.db, {
      organisationId,
      raw,
      envelopeFrom,
      envelopeTo,
      remoteAddress,
      clock: options.clock,
    });
    try {
      return await processInboundEmail(deps, {
        inboundId: id,
        parsed: await parseInboundEmail(raw),
        envelopeFrom,
      });
    } catch (error) {
      // Stored, so not lost: left "received" for `retryUnsettled`.
      logger.error({ err: error, inboundId: id }, "inbound e-mail processing crashed");
      return { status: "failed", error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** A copy per organisation addressed (a message to two towns opens a case in each). */
  async function fileForEachOrganisation(
    raw: Buffer,
    envelopeFrom: string | null,
    envelopeTo: string[],
    remoteAddress: string | null,
  ): Promise<void> {
    const byOrganisation = new Map<string, string[]>();
    for (const recipient of envelopeTo) {
      const organisationId = router.organisationFor(recipient);
      if (organisationId)
        byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), recipient]);
    }
    for (const [organisationId, recipients] of byOrganisation)
      await fileMessage(organisationId, raw, envelopeFrom, recipients, remoteAddress);
  }

  const server = new SMTPServer({
    name: options.serverName ?? options.ownMessageIdDomain,
    banner: "Guichet",
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    maxClients: 50,
    maxRecipients: 50,
    onRcptTo(address, _session, callback) {
      if (router.organisationFor(address.address)) return callback();
      logger.info("inbound e-mail recipient refused: no organisation for it");
      return callback(smtpError(550, UNKNOWN_RECIPIENT_REPLY));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on("data", (chunk: Buffer) => {
        // Past the limit we keep reading (the client must finish DATA to hear the 552) but stop storing.
        kept += chunk.length;
        if (kept <= options.maxBytes) chunks.push(chunk);
      });
      stream.on("error", (error: Error) =>
        callback(smtpError(451, `Erreur de lecture, reessayez plus tard (${error.message})`)),
      );
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          logger.warn({ bytes: kept, maxBytes: options.maxBytes }, "inbound e-mail refused: too large");
          return callback(smtpError(552, `Message trop volumineux : ${maxMegabytes} Mo au maximum`));
        }
        const mailFrom = session.envelope.mailFrom;
        fileForEachOrganisation(
          Buffer.concat(chunks),
          mailFrom ? mailFrom.address : null,
          session.envelope.rcptTo.map((r) => r.address),
          session.remoteAddress ?? null,
        ).then(
          () => callback(null, "Message recu"),
          (error: unknown) => {
            logger.error({ err: error }, "inbound e-mail could not be stored");
            callback(smtpError(451, "Enregistrement impossible pour le moment, reessayez plus tard"));
          },
        );
      });
    },
  });
  server.on("error", (error) => logger.error({ err: error }, "SMTP receiver error"));

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  logger.info({ host: options.host, port }, "SMTP receiver listening");

  return {
    port,
    /** Settles messages stored but never processed (a crash, or "failed" ones after a fix). */
    async retryUnsettled(): Promise<number> {
      let settled = 0;
      for (const organisationId of router.organisationIds) {
        const rows = await listUnsettledInboundEmails(options.db, organisationId);
        for (const row of rows) {
          const raw = Buffer.from(row.raw);
          await processInboundEmail(
            { ...options, organisationId },
            { inboundId: row.id, parsed: await parseInboundEmail(raw), envelopeFrom: row.envelope_from },
          );
        }
        settled += rows.length;
      }
      return settled;
    },
    close(): Promise<void> {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
