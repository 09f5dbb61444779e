import type { Db } from "../../shared/database.ts";
import { isUuid } from "../../shared/ids.ts";
import { selectMessages } from "./cases.repo.ts";

export type PublicAgentMessage = { id: string; body: string; createdAt: Date };

/**
 * The agents' public replies on a case, oldest first: what a channel that is not e-mail (the chat a
 * case was handed off from) shows the citizen. Never internal notes, never agent names.
 */
export async function listPublicAgentMessages(
  db: Db,
  input: { organisationId: string; caseId: string },
): Promise<PublicAgentMessage[]> {
  if (!isUuid(input.caseId)) return [];
  const messages = await selectMessages(db, input.organisationId, input.caseId, { publicOnly: true });
  return messages
    .filter((message) => message.author === "agent")
    .map((message) => ({ id: message.id, body: message.body, createdAt: message.createdAt }));
}
