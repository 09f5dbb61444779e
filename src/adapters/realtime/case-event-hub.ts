/**
 * One LISTEN per process for case activity, fanned out to the open SSE streams of each organisation.
 * The cases domain NOTIFYs on commit (`CASE_ACTIVITY_CHANNEL`, ids only) from every use case, so
 * changes made by the e-mail channel, the API or another app process arrive here too.
 */
import { CASE_ACTIVITY_CHANNEL, type CaseActivity } from "../../domains/cases/index.ts";
import { isUuid } from "../../shared/ids.ts";
import type { Logger } from "../../shared/logger.ts";
import type { Listen, Unlisten } from "../db/connect.ts";

export type DeskEvent = { caseId: string; kind: CaseActivity["kind"] };
type Subscriber = { organisationId: string; onEvent: (event: DeskEvent) => void };

export type CaseEventHub = {
  /** Resolves once the process is listening, so nothing committed afterwards is missed. */
  subscribe(organisationId: string, onEvent: (event: DeskEvent) => void): Promise<() => void>;
  close(): Promise<void>;
};

const KINDS = new Set<string>(["opened", "message", "updated"]);

/** The payload as the domain wrote it, or null: a foreign or malformed NOTIFY is ignored. */
export function parseCaseActivity(payload: string): CaseActivity | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { organisationId, caseId, kind } = value as Record<string, unknown>;
  if (typeof organisationId !== "string" || !isUuid(organisationId)) return null;
  if (typeof caseId !== "string" || !isUuid(caseId)) return null;
  if (typeof kind !== "string" || !KINDS.has(kind)) return null;
  return { organisationId, caseId, kind: kind as CaseActivity["kind"] };
}

export function createCaseEventHub(options: {
  listen: Listen;
  logger: Logger;
  retryMs?: number;
}): CaseEventHub {
  const { listen, logger } = options;
  const retryMs = options.retryMs ?? 2000;
  const subscribers = new Set<Subscriber>();
  let listening: Promise<Unlisten> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const dispatch = (payload: string) => {
    const activity = parseCaseActivity(payload);
    if (!activity) return;
    for (const subscriber of subscribers) {
      if (subscriber.organisationId !== activity.organisationId) continue;
      try {
        subscriber.onEvent({ caseId: activity.caseId, kind: activity.kind });
      } catch (error) {
        logger.warn({ err: error }, "desk event subscriber failed");
      }
    }
  };

  const start = (): Promise<Unlisten> => {
    listening ??= listen(CASE_ACTIVITY_CHANNEL, dispatch, (error) => {
      // Events committed while reconnecting are lost: the notice is a hint, the pages are the truth.
      logger.warn({ err: error }, "case activity LISTEN lost; listening again");
      listening = undefined;
      if (!closed && subscribers.size > 0) retry ??= setTimeout(restart, retryMs);
    }).catch((error: unknown) => {
      listening = undefined;
      throw error;
    });
    return listening;
  };
  const restart = () => {
    retry = undefined;
    if (closed || subscribers.size === 0) return;
    start().catch((error: unknown) => {
      logger.warn({ err: error }, "case activity LISTEN failed; retrying");
      retry ??= setTimeout(restart, retryMs);
    });
  };

  return {
    async subscribe(organisationId, onEvent) {
      const subscriber: Subscriber = { organisationId, onEvent };
      subscribers.add(subscriber);
      try {
        await start();
      } catch (error) {
        subscribers.delete(subscriber);
        throw error;
      }
      return () => {
        subscribers.delete(subscriber);
      };
    },
    async close() {
      closed = true;
      subscribers.clear();
      if (retry) clearTimeout(retry);
      const current = listening;
      listening = undefined;
      if (current) await (await current.catch(() => undefined))?.();
    },
  };
}
