/**
 * Questions the assistant could not answer, grouped by similarity for editors: questions that share
 * most of their words (accent-folded stems) are one need, counted once with its phrasings.
 */
import type { Db } from "../../shared/database.ts";

export type UnansweredGroup = {
  /** The phrasing shown as the group's title: the most recent one. */
  question: string;
  /** Other phrasings, most recent first (at most 10). */
  phrasings: string[];
  ids: string[];
  count: number;
  notHelpfulCount: number;
  lastAskedAt: Date;
};

/** Two questions are one need when they share at least this share of their words (Jaccard). */
export const GROUP_SIMILARITY = 0.5;
const READ_LIMIT = 2_000;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

export function groupQuestions(
  rows: { id: string; question: string; terms: string[]; reason: string; createdAt: Date }[],
): UnansweredGroup[] {
  const groups: (UnansweredGroup & { terms: Set<string> })[] = [];
  for (const row of rows) {
    const terms = new Set(row.terms);
    const group = groups.find((candidate) => jaccard(candidate.terms, terms) >= GROUP_SIMILARITY);
    if (group) {
      group.ids.push(row.id);
      group.count++;
      if (row.reason === "not_helpful") group.notHelpfulCount++;
      if (
        group.phrasings.length < 10 &&
        row.question !== group.question &&
        !group.phrasings.includes(row.question)
      )
        group.phrasings.push(row.question);
    } else {
      groups.push({
        question: row.question,
        phrasings: [],
        ids: [row.id],
        count: 1,
        notHelpfulCount: row.reason === "not_helpful" ? 1 : 0,
        lastAskedAt: row.createdAt,
        terms,
      });
    }
  }
  return groups
    .sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime())
    .map(({ terms: _terms, ...group }) => group);
}

/** Open questions (not yet dealt with), newest first, grouped. */
export async function listUnansweredQuestions(
  db: Db,
  input: { organisationId: string },
): Promise<UnansweredGroup[]> {
  const rows = await db
    .selectFrom("unanswered_questions")
    .select(["id", "question", "terms", "reason", "created_at"])
    .where("organisation_id", "=", input.organisationId)
    .where("handled_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(READ_LIMIT)
    .execute();
  return groupQuestions(rows.map((row) => ({ ...row, createdAt: row.created_at })));
}
