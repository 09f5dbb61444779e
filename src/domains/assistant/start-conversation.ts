import { recordEvent } from "../../shared/events.ts";
import type { ConversationChannel } from "./assistant.types.ts";
import type { AssistantContext } from "./assistant-context.ts";
import { newConversationId } from "./conversation-id.ts";
import { insertConversation } from "./conversations.repo.ts";

export async function startConversation(
  context: AssistantContext,
  input: { organisationId: string; channel: ConversationChannel },
): Promise<{ id: string }> {
  const id = newConversationId();
  await context.db.transaction().execute(async (trx) => {
    await insertConversation(trx, {
      id,
      organisationId: input.organisationId,
      channel: input.channel,
      at: context.clock.now(),
    });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "conversation",
      entityId: id,
      action: "conversation.started",
      data: { channel: input.channel },
    });
  });
  return { id };
}
