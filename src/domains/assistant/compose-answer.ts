/**
 * The answer's words and sources. Extractive by default (the passage itself, shortened); with the
 * optional generative mode, the model rephrases the best passages and must cite them — any failure
 * falls back to the extractive answer, and "the passages do not answer" becomes no answer (null).
 */
import { rankPassages } from "../knowledge/passages/index.ts";
import { analyse } from "../knowledge/search/french-analyzer.ts";
import { extractiveAnswerText } from "./answer-text.ts";
import type { ReplySource } from "./assistant.types.ts";
import type { AssistantContext } from "./assistant-context.ts";
import type { Finding } from "./find-answer.ts";
import { generateAnswer } from "./generative/generate-answer.ts";
import type { ReplyDraft } from "./replies.ts";

const GROUNDING_PASSAGES = 3;

export type AnswerMode = "extractive" | "generated" | "fallback" | "no_answer";

export async function composeAnswer(
  context: AssistantContext,
  input: { question: string; finding: Extract<Finding, { kind: "answer" }> },
): Promise<{ reply: ReplyDraft | null; mode: AnswerMode; reason?: string }> {
  const { page, best } = input.finding;
  const source: ReplySource = {
    id: page.sourceId,
    title: page.title,
    url: `${context.publicUrl}${page.url}`,
    date: page.date,
  };
  const extractive: ReplyDraft = {
    kind: "answer",
    text: extractiveAnswerText(best),
    sources: [source],
    choices: [],
    handoff: false,
    askHelpful: true,
  };
  if (!context.llm) return { reply: extractive, mode: "extractive" };

  const terms = analyse(input.question).map((term) => ({ term, weight: 1 }));
  const grounding = rankPassages([page], terms)
    .slice(0, GROUNDING_PASSAGES)
    .map((ranked) => ({
      sourceId: page.sourceId,
      title: page.title,
      heading: ranked.passage.headings.join(" › "),
      text: ranked.passage.text,
    }));
  const generated = await generateAnswer({
    llm: context.llm.client,
    question: input.question,
    passages: grounding,
    timeoutMs: context.llm.timeoutMs,
  });
  if (generated.kind === "no_answer") return { reply: null, mode: "no_answer" };
  if (generated.kind === "fallback") return { reply: extractive, mode: "fallback", reason: generated.reason };
  return { reply: { ...extractive, text: generated.text }, mode: "generated" };
}
