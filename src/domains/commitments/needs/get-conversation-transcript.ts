/**
 * One conversation with the assistant, read back for an admin: what the citizen wrote, what the
 * assistant and the agents answered, and how it ended. Another organisation's conversation, an unknown
 * handle and a transcript already deleted by retention are all "not found". Each reading writes an
 * audit row (ids only, the handle — never the conversation's id, which is the citizen's key).
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import {
  type AssistantContext,
  type ConversationEntry,
  listConversationEntries,
} from "../../assistant/index.ts";
import { canonicalTopic } from "../../knowledge/topics/index.ts";
import type { TopicKey } from "../statistics/activity-figures.ts";
import { handleOfConversation, isConversationHandle } from "./conversation-handle.ts";
import type { HelpfulVote } from "./list-conversations.ts";
import { canReadTranscripts, transcriptForbidden } from "./needs-access.ts";

export const CONVERSATION_VIEWED_ACTION = "conversation.viewed";

export const TRANSCRIPT_NOT_FOUND_MESSAGE =
  "Cette conversation est introuvable. Les conversations sont supprimées à la fin de leur durée de conservation.";

export type ConversationTranscript = {
  handle: string;
  channel: string;
  outcome: string;
  helpful: HelpfulVote;
  handedOff: boolean;
  caseReference: string | null;
  topic: TopicKey;
  turns: number;
  startedAt: Date;
  lastActivityAt: Date;
  entries: ConversationEntry[];
};

function notFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "conversation transcript not found",
    userMessage: TRANSCRIPT_NOT_FOUND_MESSAGE,
  });
}

export async function getConversationTranscript(
  context: AssistantContext,
  input: {
    organisationId: string;
    handle: string;
    actor: { id: string; roles: readonly string[] };
    clock: Clock;
  },
): Promise<ConversationTranscript> {
  if (!canReadTranscripts(input.actor)) throw transcriptForbidden();
  if (!isConversationHandle(input.handle)) throw notFound();
  const { db } = context;
  const row = await db
    .selectFrom("conversations")
    .leftJoin("cases", (join) =>
      join
        .onRef("cases.organisation_id", "=", "conversations.organisation_id")
        .onRef("cases.id", "=", "conversations.case_id"),
    )
    .select([
      "conversations.id",
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
    .where(handleOfConversation, "=", input.handle)
    .executeTakeFirst();
  if (!row) throw notFound();
  await db
    .insertInto("audit_log")
    .values({
      organisation_id: input.organisationId,
      agent_id: input.actor.id,
      action: CONVERSATION_VIEWED_ACTION,
      entity_type: "conversation",
      entity_id: input.handle,
      created_at: input.clock.now(),
    })
    .execute();
  const entries = await listConversationEntries(context, {
    organisationId: input.organisationId,
    conversationId: row.id,
  });
  return {
    handle: input.handle,
    channel: row.channel,
    outcome: row.outcome,
    helpful: row.helpful === true ? "yes" : row.helpful === false ? "no" : "none",
    handedOff: row.outcome === "handed_off" || row.case_id !== null,
    caseReference: row.reference,
    topic: canonicalTopic(row.topic ?? ""),
    turns: row.turns,
    startedAt: row.started_at,
    lastActivityAt: row.last_activity_at,
    entries,
  };
}
