/**
 * The conversations behind the dashboard's figures, newest first, with keyset pagination. Filters
 * match the rollups' definitions (refresh-activity-rollups.ts) so a figure and its list agree:
 * conversations in which the citizen wrote (turns > 0), by the Paris day they started, the page the
 * assistant first answered from, the last outcome, the last vote, and hand-off (a case was opened).
 */
import { sql } from "kysely";
import { AppError } from "../../../shared/app-error.ts";
import type { Db } from "../../../shared/database.ts";
import type { ConversationChannel } from "../../assistant/index.ts";
import { canonicalTopic, type TopicRef } from "../../knowledge/topics/index.ts";
import type { StatsPeriod, TopicKey } from "../statistics/activity-figures.ts";
import { handleOfConversation, isConversationHandle } from "./conversation-handle.ts";

export const CONVERSATION_OUTCOMES = ["none", "answered", "clarified", "handed_off", "unanswered"] as const;
export type ConversationOutcomeFilter = (typeof CONVERSATION_OUTCOMES)[number];
export type HelpfulVote = "yes" | "no" | "none";

export type ConversationListFilters = {
  period?: StatsPeriod;
  topic?: TopicRef;
  channel?: ConversationChannel;
  outcome?: ConversationOutcomeFilter;
  /** Outcome other than 'none': the sample of the assistant's rates. */
  exchanged?: boolean;
  helpful?: HelpfulVote;
  handedOff?: boolean;
};

export type ConversationListItem = {
  handle: string;
  channel: string;
  outcome: string;
  helpful: HelpfulVote;
  handedOff: boolean;
  caseReference: string | null;
  /** Canonical: "F1342", "local:<uuid>", "" (none). */
  topic: TopicKey;
  turns: number;
  startedAt: Date;
  lastActivityAt: Date;
};

export type ConversationListPage = { items: ConversationListItem[]; nextCursor: string | null };

export const DEFAULT_CONVERSATIONS_LIMIT = 25;
const MAX_LIMIT = 100;

type Cursor = { startedAt: Date; handle: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.startedAt.toISOString()}|${cursor.handle}`, "utf8").toString("base64url");
}

function decodeCursor(value: string): Cursor {
  const [iso, handle] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const startedAt = new Date(iso ?? "");
  if (!handle || !isConversationHandle(handle) || Number.isNaN(startedAt.getTime()))
    throw new AppError("BAD_REQUEST", {
      message: "invalid conversations cursor",
      userMessage: "Cette page de la liste n'existe plus : revenez à la première page.",
      details: { field: "apres" },
    });
  return { startedAt, handle };
}

function localTopics(localItemId: string): string[] {
  return ["faq", "procedure", "news", "local"].map((prefix) => `${prefix}:${localItemId}`);
}

export async function listConversations(
  db: Db,
  input: {
    organisationId: string;
    filters?: ConversationListFilters;
    cursor?: string | null;
    limit?: number;
  },
): Promise<ConversationListPage> {
  const filters = input.filters ?? {};
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? DEFAULT_CONVERSATIONS_LIMIT)), MAX_LIMIT);
  let query = db
    .selectFrom("conversations")
    .leftJoin("cases", (join) =>
      join
        .onRef("cases.organisation_id", "=", "conversations.organisation_id")
        .onRef("cases.id", "=", "conversations.case_id"),
    )
    .select([
      handleOfConversation.as("handle"),
      "conversations.channel",
      "conversations.outcome",
      "conversations.helpful",
      "conversations.case_id",
      "conversations.topic",
      "conversations.turns",
      "conversations.started_at",
      "conversations.last_activity_at",
      "cases.reference",
    ])
    .where("conversations.organisation_id", "=", input.organisationId)
    .where("conversations.turns", ">", 0);

  if (filters.period) {
    query = query
      .where(
        "conversations.started_at",
        ">=",
        sql<Date>`(${filters.period.from}::date)::timestamp AT TIME ZONE 'Europe/Paris'`,
      )
      .where(
        "conversations.started_at",
        "<",
        sql<Date>`((${filters.period.to}::date) + 1)::timestamp AT TIME ZONE 'Europe/Paris'`,
      );
  }
  const topic = filters.topic;
  if (topic?.kind === "none") query = query.where(sql<boolean>`coalesce(conversations.topic, '') = ''`);
  if (topic?.kind === "fiche") query = query.where("conversations.topic", "=", topic.ficheId);
  if (topic?.kind === "local")
    query = query.where("conversations.topic", "in", localTopics(topic.localItemId));
  if (filters.channel) query = query.where("conversations.channel", "=", filters.channel);
  if (filters.outcome) query = query.where("conversations.outcome", "=", filters.outcome);
  if (filters.exchanged) query = query.where("conversations.outcome", "<>", "none");
  if (filters.helpful === "yes") query = query.where("conversations.helpful", "=", true);
  if (filters.helpful === "no") query = query.where("conversations.helpful", "=", false);
  if (filters.helpful === "none") query = query.where("conversations.helpful", "is", null);
  const handedOff = sql<boolean>`(conversations.outcome = 'handed_off' OR conversations.case_id IS NOT NULL)`;
  if (filters.handedOff === true) query = query.where(handedOff);
  if (filters.handedOff === false) query = query.where(sql<boolean>`NOT ${handedOff}`);
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    query = query.where(
      sql<boolean>`(conversations.started_at, md5(conversations.id)) < (${cursor.startedAt}, ${cursor.handle})`,
    );
  }
  const rows = await query
    .orderBy("conversations.started_at", "desc")
    .orderBy(handleOfConversation, "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      handle: row.handle,
      channel: row.channel,
      outcome: row.outcome,
      helpful: row.helpful === true ? "yes" : row.helpful === false ? "no" : "none",
      handedOff: row.outcome === "handed_off" || row.case_id !== null,
      caseReference: row.reference,
      topic: canonicalTopic(row.topic ?? ""),
      turns: row.turns,
      startedAt: row.started_at,
      lastActivityAt: row.last_activity_at,
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ startedAt: last.started_at, handle: last.handle }) : null,
  };
}
