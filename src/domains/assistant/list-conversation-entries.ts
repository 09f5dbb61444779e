/**
 * The conversation as the citizen sees it: their messages, the assistant's replies, and — after a
 * hand-off — the agents' public replies on the case, merged in time order.
 */
import { listPublicAgentMessages } from "../cases/index.ts";
import type { ConversationEntry, ReplyKind } from "./assistant.types.ts";
import type { AssistantContext } from "./assistant-context.ts";
import { selectConversationMessages } from "./conversations.repo.ts";
import { loadConversation } from "./post-citizen-message.ts";

export async function listConversationEntries(
  context: AssistantContext,
  input: { organisationId: string; conversationId: string },
): Promise<ConversationEntry[]> {
  const conversation = await loadConversation(context, input.organisationId, input.conversationId);
  const messages = await selectConversationMessages(context.db, input.organisationId, conversation.id);
  const entries: ConversationEntry[] = messages.map((message) => ({
    id: message.id,
    author: message.author,
    kind: message.kind as ReplyKind | "question",
    text: message.text,
    sources: message.payload.sources ?? [],
    choices: message.payload.choices ?? [],
    askHelpful: message.payload.askHelpful ?? false,
    helpful: message.helpful,
    ...(message.payload.case ? { case: { reference: message.payload.case.reference } } : {}),
    at: message.createdAt,
  }));
  if (conversation.caseId) {
    const agentMessages = await listPublicAgentMessages(context.db, {
      organisationId: input.organisationId,
      caseId: conversation.caseId,
    });
    for (const message of agentMessages) {
      entries.push({
        id: message.id,
        author: "agent",
        kind: "agent",
        text: message.body,
        sources: [],
        choices: [],
        askHelpful: false,
        helpful: null,
        at: message.createdAt,
      });
    }
    entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  return entries;
}
