/** Queries of the assistant's conversations; every one is scoped by organisation. */
import { sql } from "kysely";
import type { Db } from "../../shared/database.ts";
import { newId } from "../../shared/ids.ts";
import type {
  AssistantReply,
  ConversationChannel,
  ConversationOutcome,
  ReplyChoice,
  ReplySource,
} from "./assistant.types.ts";
import type { ConversationState } from "./conversation-state.ts";

export type ConversationRow = {
  id: string;
  organisationId: string;
  channel: ConversationChannel;
  state: unknown;
  outcome: ConversationOutcome;
  caseId: string | null;
  turns: number;
  startedAt: Date;
  lastActivityAt: Date;
};

export type StoredPayload = {
  sources?: ReplySource[];
  choices?: ReplyChoice[];
  askHelpful?: boolean;
  case?: { reference: string; trackingUrl?: string; status?: string };
};

export async function selectConversation(
  db: Db,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConversationRow | null> {
  let query = db
    .selectFrom("conversations")
    .select([
      "id",
      "organisation_id",
      "channel",
      "state",
      "outcome",
      "case_id",
      "turns",
      "started_at",
      "last_activity_at",
    ])
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    channel: row.channel,
    state: row.state,
    outcome: row.outcome,
    caseId: row.case_id,
    turns: row.turns,
    startedAt: row.started_at,
    lastActivityAt: row.last_activity_at,
  };
}

export async function insertConversation(
  db: Db,
  values: { id: string; organisationId: string; channel: ConversationChannel; at: Date },
): Promise<void> {
  await db
    .insertInto("conversations")
    .values({
      id: values.id,
      organisation_id: values.organisationId,
      channel: values.channel,
      state: JSON.stringify({ v: 1 }),
      started_at: values.at,
      last_activity_at: values.at,
    })
    .execute();
}

export async function insertConversationMessage(
  db: Db,
  values: {
    organisationId: string;
    conversationId: string;
    author: "citizen" | "assistant" | "agent";
    kind: string;
    text: string;
    payload?: StoredPayload;
    at: Date;
    id?: string;
  },
): Promise<string> {
  const id = values.id ?? newId();
  await db
    .insertInto("conversation_messages")
    .values({
      id,
      organisation_id: values.organisationId,
      conversation_id: values.conversationId,
      position: sql<number>`(SELECT coalesce(max(position), 0) + 1 FROM conversation_messages WHERE conversation_id = ${values.conversationId})`,
      author: values.author,
      kind: values.kind,
      text: values.text,
      payload: JSON.stringify(values.payload ?? {}),
      created_at: values.at,
    })
    .execute();
  return id;
}

/** The assistant's reply as a message, with what a channel needs to show it again (sources, choices…). */
export function insertAssistantReply(
  db: Db,
  values: {
    organisationId: string;
    conversationId: string;
    messageId: string;
    reply: Omit<AssistantReply, "messageId">;
    at: Date;
  },
): Promise<string> {
  const { reply } = values;
  return insertConversationMessage(db, {
    id: values.messageId,
    organisationId: values.organisationId,
    conversationId: values.conversationId,
    author: "assistant",
    kind: reply.kind,
    text: reply.text,
    payload: {
      sources: reply.sources,
      choices: reply.choices,
      askHelpful: reply.askHelpful,
      ...(reply.case ? { case: reply.case } : {}),
    },
    at: values.at,
  });
}

export async function updateConversation(
  db: Db,
  values: {
    organisationId: string;
    id: string;
    state: ConversationState;
    outcome?: ConversationOutcome | undefined;
    caseId?: string | undefined;
    /** The page answered from; only the first one is kept (what the conversation was about). */
    topic?: string | undefined;
    at: Date;
    countTurn: boolean;
  },
): Promise<void> {
  await db
    .updateTable("conversations")
    .set({
      state: JSON.stringify(values.state),
      last_activity_at: values.at,
      ...(values.outcome ? { outcome: values.outcome } : {}),
      ...(values.caseId ? { case_id: values.caseId } : {}),
      ...(values.topic ? { topic: sql<string>`coalesce(topic, ${values.topic})` } : {}),
      ...(values.countTurn ? { turns: sql<number>`turns + 1` } : {}),
    })
    .where("organisation_id", "=", values.organisationId)
    .where("id", "=", values.id)
    .execute();
}

export type StoredMessage = {
  id: string;
  author: "citizen" | "assistant" | "agent";
  kind: string;
  text: string;
  payload: StoredPayload;
  helpful: boolean | null;
  createdAt: Date;
};

export async function selectConversationMessages(
  db: Db,
  organisationId: string,
  conversationId: string,
  options: { last?: number } = {},
): Promise<StoredMessage[]> {
  let query = db
    .selectFrom("conversation_messages")
    .select(["id", "author", "kind", "text", "payload", "helpful", "created_at"])
    .where("organisation_id", "=", organisationId)
    .where("conversation_id", "=", conversationId)
    .orderBy("position", "desc");
  if (options.last) query = query.limit(options.last);
  const rows = await query.execute();
  return rows.reverse().map((row) => ({
    id: row.id,
    author: row.author,
    kind: row.kind,
    text: row.text,
    payload: (row.payload ?? {}) as StoredPayload,
    helpful: row.helpful,
    createdAt: row.created_at,
  }));
}

export async function setMessageHelpful(
  db: Db,
  values: { organisationId: string; conversationId: string; messageId: string; helpful: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable("conversation_messages")
    .set({ helpful: values.helpful })
    .where("organisation_id", "=", values.organisationId)
    .where("conversation_id", "=", values.conversationId)
    .where("id", "=", values.messageId)
    .where("author", "=", "assistant")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await db
    .updateTable("conversations")
    .set({ helpful: values.helpful })
    .where("organisation_id", "=", values.organisationId)
    .where("id", "=", values.conversationId)
    .execute();
  return true;
}
