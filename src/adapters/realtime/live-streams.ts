/**
 * What every live feed (the agents' inbox, a citizen's chat) needs around its streams: one LISTEN on
 * case activity per app and database, shared by all feeds and closed with the last of them, and open
 * streams ended before the server closes (they would keep it open).
 */
import type { FastifyInstance } from "fastify";
import { databaseListener } from "../db/connect.ts";
import type { AppDeps } from "../http/deps.ts";
import { type CaseEventHub, createCaseEventHub } from "./case-event-hub.ts";
import type { EventStream } from "./event-stream.ts";

const shared = new WeakMap<object, { hub: CaseEventHub; users: number }>();

export function liveStreams(
  scope: FastifyInstance,
  deps: Pick<AppDeps, "db" | "logger">,
): { hub: CaseEventHub | undefined; track(stream: EventStream): void } {
  const listen = databaseListener(deps.db);
  let entry = listen ? shared.get(deps.db) : undefined;
  if (listen && !entry) {
    entry = { hub: createCaseEventHub({ listen, logger: deps.logger }), users: 0 };
    shared.set(deps.db, entry);
  }
  if (entry) entry.users += 1;
  const streams = new Set<EventStream>();
  scope.addHook("preClose", async () => {
    for (const stream of streams) stream.end();
  });
  scope.addHook("onClose", async () => {
    if (!entry) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    shared.delete(deps.db);
    await entry.hub.close();
  });
  return {
    hub: entry?.hub,
    track(stream) {
      streams.add(stream);
      stream.onClose(() => streams.delete(stream));
    },
  };
}
