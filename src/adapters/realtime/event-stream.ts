/**
 * A Server-Sent Events response on Fastify: the reply is hijacked and written to directly, with a
 * comment line as heartbeat so proxies keep the connection open.
 */
import type { FastifyReply, FastifyRequest } from "fastify";

export type EventStream = {
  send(event: string, data: Record<string, unknown>): void;
  /** Called once, when the client goes away or `end` is called. */
  onClose(callback: () => void): void;
  end(): void;
};

export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { heartbeatMs: number; onHeartbeat?: () => void },
): EventStream {
  reply.hijack();
  const raw = reply.raw;
  // Headers hooks set before the hijack (the chat API's CORS for the widget) would otherwise be lost.
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) raw.setHeader(name, value);
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    // nginx buffers responses unless told not to; a buffered stream arrives all at once, too late.
    "x-accel-buffering": "no",
    "x-content-type-options": "nosniff",
    "x-request-id": request.id,
  });
  // The retry delay the browser waits before reconnecting; the comment flushes the headers at once.
  raw.write("retry: 5000\n: flux ouvert\n\n");

  const callbacks: (() => void)[] = [];
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const callback of callbacks) callback();
  };
  const heartbeat = setInterval(() => {
    if (closed) return;
    raw.write(": ping\n\n");
    options.onHeartbeat?.();
  }, options.heartbeatMs);
  heartbeat.unref();
  request.raw.on("close", finish);
  raw.on("close", finish);

  return {
    send(event, data) {
      if (closed) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(callback) {
      if (closed) callback();
      else callbacks.push(callback);
    },
    end() {
      if (!closed) raw.end();
      finish();
    },
  };
}
