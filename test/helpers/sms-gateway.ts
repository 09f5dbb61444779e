/**
 * A real HTTP server on 127.0.0.1 that plays an SMS gateway (POST JSON { to, text, from? } with a bearer
 * token), for the contract test of the SMS adapter and the calls that send a link. Each test sets how it
 * answers (accepted, an HTTP status, no answer at all) and reads back what it received.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedSms = {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The JSON body, or null when it was not JSON. */
  body: Record<string, unknown> | null;
};

export type GatewayBehaviour = { kind: "accept" } | { kind: "status"; status: number } | { kind: "hang" };

export type SmsGateway = {
  /** http://127.0.0.1:<port>/sms/send — what SMS_API_URL is set to. */
  url: string;
  received: ReceivedSms[];
  behave(behaviour: GatewayBehaviour): void;
  close(): Promise<void>;
};

export async function startSmsGateway(): Promise<SmsGateway> {
  let behaviour: GatewayBehaviour = { kind: "accept" };
  const received: ReceivedSms[] = [];
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    } catch {
      body = null;
    }
    received.push({
      method: request.method ?? "",
      path: request.url ?? "",
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      body,
    });
    if (behaviour.kind === "hang") return;
    if (behaviour.kind === "status")
      return response.writeHead(behaviour.status, { "content-type": "application/json" }).end("{}");
    response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: "msg-1" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    received,
    behave(next) {
      behaviour = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
