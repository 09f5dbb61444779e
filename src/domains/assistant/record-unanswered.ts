import type { Db } from "../../shared/database.ts";
import { newId } from "../../shared/ids.ts";
import { analyse } from "../knowledge/search/french-analyzer.ts";
import { scrubContactDetails } from "./scrub-contact-details.ts";

/** A question the assistant could not answer (or whose answer did not help), kept for editors. */
export async function recordUnanswered(
  db: Db,
  input: {
    organisationId: string;
    conversationId: string;
    question: string;
    reason: "no_match" | "not_helpful";
    at: Date;
  },
): Promise<void> {
  const question = scrubContactDetails(input.question).slice(0, 300);
  const terms = [...new Set(analyse(question))].slice(0, 40);
  if (terms.length === 0) return;
  await db
    .insertInto("unanswered_questions")
    .values({
      id: newId(),
      organisation_id: input.organisationId,
      conversation_id: input.conversationId,
      question,
      terms,
      reason: input.reason,
      created_at: input.at,
    })
    .execute();
}
