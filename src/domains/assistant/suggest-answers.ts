/**
 * Agent assist: the passages of the knowledge base that fit a citizen's message, for an agent to insert
 * into a reply with their source. The same retrieval as the assistant, several pages instead of one, and
 * no "not sure" threshold: the agent judges.
 */
import { rankPassages } from "../knowledge/passages/index.ts";
import { analyse } from "../knowledge/search/french-analyzer.ts";
import { synonymTerms } from "../knowledge/search/synonyms.ts";
import { shortenForReading } from "./answer-text.ts";
import type { ReplySource } from "./assistant.types.ts";
import type { AssistantContext } from "./assistant-context.ts";

export type Suggestion = {
  source: ReplySource;
  /** Section titles of the passage inside the page. */
  section: string;
  /** The passage, about 80 words, ready to paste. */
  excerpt: string;
  /** What gets inserted: the excerpt and where it comes from. */
  insertText: string;
};

const MAX_SUGGESTIONS = 3;
/** A citizen's e-mail can be long; its start says what it is about. */
const READ_CHARS = 1_500;

export async function suggestAnswers(
  context: AssistantContext,
  input: { organisationId: string; text: string },
): Promise<Suggestion[]> {
  const text = input.text.slice(0, READ_CHARS);
  const typed = [...new Set(analyse(text))];
  if (typed.length === 0) return [];
  const hits = await context.search.search({
    organisationId: input.organisationId,
    text,
    limit: MAX_SUGGESTIONS + 2,
  });
  const pages = await context.passages.getPages(
    input.organisationId,
    hits.map((hit) => hit.id),
  );
  const terms = [
    ...typed.map((term) => ({ term, weight: 1 })),
    ...synonymTerms(typed)
      .filter((term) => !typed.includes(term))
      .map((term) => ({ term, weight: 0.5 })),
  ];
  const suggestions: Suggestion[] = [];
  for (const hit of hits) {
    const page = pages.get(hit.id);
    const best = page ? rankPassages([page], terms)[0] : undefined;
    if (!page || !best || best.score <= 0) continue;
    const url = `${context.publicUrl}${page.url}`;
    const excerpt = shortenForReading(best.passage.text);
    suggestions.push({
      source: { id: page.sourceId, title: page.title, url, date: page.date },
      section: best.passage.headings.join(" › "),
      excerpt,
      insertText: `${excerpt}\n\nSource : ${page.title} — ${url}`,
    });
    if (suggestions.length === MAX_SUGGESTIONS) break;
  }
  return suggestions;
}
