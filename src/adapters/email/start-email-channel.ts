/**
 * Starts the e-mail channel of one app process: the outbox worker (when SMTP_URL is set) and the built-in
 * SMTP receiver (when SMTP_IN_PORT is set). Called by main.ts; returns what must be stopped on shutdown.
 */
import type { Config } from "../../config.ts";
import { recordMessageIdDomain, startEmailWorker } from "../../domains/channels/email/index.ts";
import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import type { Logger } from "../../shared/logger.ts";
import type { Listen } from "../db/connect.ts";
import { resolveInboundRoutes } from "./inbound-routes.ts";
import { startSmtpReceiver } from "./smtp-receiver.ts";
import { createSmtpSender } from "./smtp-sender.ts";

export async function startEmailChannel(options: {
  config: Config;
  db: RootDb;
  /** LISTEN on the database, so the worker wakes as soon as an e-mail is queued (both engines). */
  listen: Listen;
  organisationId: string;
  clock: Clock;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const { config, db, listen, clock, logger } = options;
  await recordMessageIdDomain(db, config.mail.domain);

  const sender = config.mail.smtpUrl
    ? createSmtpSender({ url: config.mail.smtpUrl, from: config.mail.from })
    : undefined;
  if (!sender) logger.warn("SMTP_URL not set: outgoing e-mails wait in the outbox");
  const worker = sender
    ? startEmailWorker({
        db,
        sender,
        clock,
        logger,
        listen: (channel, onNotify) => listen(channel, () => onNotify()),
      })
    : undefined;

  const receiver = config.mail.inbound
    ? await startSmtpReceiver({
        router: await resolveInboundRoutes(db, config.mail.inboundRoutes, options.organisationId),
        db,
        clock,
        logger,
        organisationId: options.organisationId,
        publicUrl: config.publicUrl,
        ownAddress: config.mail.fromAddress,
        ownMessageIdDomain: config.mail.domain,
        ...config.mail.inbound,
      })
    : undefined;
  if (receiver) {
    logger.info({ port: receiver.port }, "SMTP receiver listening");
    receiver.retryUnsettled().catch((err: unknown) => logger.error({ err }, "inbound e-mail retry failed"));
  }

  return {
    stop: async () => {
      await receiver?.close();
      await worker?.stop();
      sender?.close();
    },
  };
}
