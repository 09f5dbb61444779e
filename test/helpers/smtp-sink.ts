/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, for tests of outgoing mail. It can be
 * stopped and restarted on the same port ("SMTP down, then back") and told to refuse messages with a
 * given reply code (permanent or temporary failures).
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export type SinkMessage = {
  envelope: { from: string | undefined; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
};

export type SmtpSink = {
  port: number;
  url: string;
  messages: SinkMessage[];
  /** Refuse the next messages at RCPT TO with this reply (e.g. 550), or accept again with null. */
  refuseWith(reply: { code: number; message: string } | null): void;
  stop(): Promise<void>;
  /** Listens again on the same port (no-op when running). */
  restart(): Promise<void>;
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number): Promise<SinkMessage[]>;
};

export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let refusal: { code: number; message: string } | null = null;
  let server: SMTPServer | undefined;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      closeTimeout: 50,
      onRcptTo(_address, _session, callback) {
        if (!refusal) return callback();
        const error: SMTPServerError = new Error(refusal.message);
        error.responseCode = refusal.code;
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", async () => {
          const raw = Buffer.concat(chunks);
          messages.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            raw,
            parsed: await simpleParser(raw),
          });
          for (const waiter of [...waiters]) {
            if (messages.length >= waiter.count) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve();
            }
          }
          callback();
        });
      },
    });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const created = create();
      server = created;
      created.once("error", reject);
      created.listen(port, "127.0.0.1", () => resolve((created.server.address() as AddressInfo).port));
    });

  const port = await listen(options.port ?? 0);
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseWith(reply) {
      refusal = reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
    async restart() {
      if (!server) await listen(port);
    },
    waitFor(count) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve) => waiters.push({ count, resolve: () => resolve(messages) }));
    },
  };
}
