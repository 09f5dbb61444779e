import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import { renderDocument } from "../../web/render.ts";

/** Sends a server-rendered page. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).type("text/html; charset=utf-8").send(renderDocument(page));
}
