/**
 * Optional generative mode: rephrase ONLY the retrieved passages with an LLM, citing them.
 * Contract used by the assistant (src/domains/assistant/answer-question.ts). Never throws: every failure
 * is a `fallback`, and the caller shows the extractive answer.
 */
import type { ChatCompletionResult, LlmClient } from "../llm.port.ts";
import { buildPrompt, type PromptPassage } from "./build-prompt.ts";
import { looksLikeInstructions } from "./looks-like-instructions.ts";
import { sanitizeForPrompt } from "./sanitize.ts";
import { validateOutput } from "./validate-output.ts";

export type GroundingPassage = {
  /** Source id ("F21089", "faq:<uuid>"): the only ids the model may cite. */
  sourceId: string;
  title: string;
  /** Section path inside the page ("Vous êtes majeur › Demande en mairie"), may be empty. */
  heading: string;
  text: string;
};

export type GenerateAnswerInput = {
  llm: LlmClient;
  question: string;
  /** Best first, at most 4. */
  passages: GroundingPassage[];
  timeoutMs: number;
};

export type GeneratedAnswer =
  /** Rephrased answer, validated: plain text, cites only given sources, no invented links. */
  | { kind: "answer"; text: string; citedSourceIds: string[] }
  /** The model said the passages do not answer the question. */
  | { kind: "no_answer" }
  /**
   * Timeout, error or invalid output: the caller uses the extractive answer. `reason` is for logs
   * ("timeout", "http_error", "invalid_output:action_claim"…), never text from the exchange.
   */
  | { kind: "fallback"; reason: string };

export const MAX_PASSAGES = 4;
const MAX_QUESTION_CHARS = 1000;
const MAX_PASSAGE_CHARS = 1500;
const MAX_TITLE_CHARS = 200;
/** About 80 French words with their markers, and room to finish the sentence. */
const MAX_TOKENS = 320;
/** Grace for an adapter that would not honour its own timeout. */
const TIMEOUT_GRACE_MS = 250;

export async function generateAnswer(input: GenerateAnswerInput): Promise<GeneratedAnswer> {
  const question = sanitizeForPrompt(input.question, {
    maxLength: MAX_QUESTION_CHARS,
    singleLine: true,
    maxWordLength: 40,
  });
  if (question === "") return { kind: "fallback", reason: "empty_question" };
  // A passage that addresses the model was tampered with: it stays out of the prompt.
  const kept = input.passages
    .slice(0, MAX_PASSAGES)
    .map((passage) => ({ sourceId: passage.sourceId, ...cleanPassage(passage) }))
    .filter((passage) => passage.text !== "" && !looksLikeInstructions(Object.values(passage).join("\n")));
  if (kept.length === 0) {
    return { kind: "fallback", reason: input.passages.length === 0 ? "no_passages" : "suspicious_passages" };
  }

  const result = await completeWithin(input, buildPrompt({ question, passages: kept }));
  if (!result.ok) return { kind: "fallback", reason: result.reason };

  const verdict = validateOutput({ output: result.content, passages: kept });
  switch (verdict.kind) {
    case "answer":
      return {
        kind: "answer",
        text: verdict.text,
        citedSourceIds: verdict.cited.map((index) => kept[index]!.sourceId),
      };
    case "no_answer":
      return { kind: "no_answer" };
    case "invalid":
      return { kind: "fallback", reason: `invalid_output:${verdict.reason}` };
  }
}

function cleanPassage(passage: GroundingPassage): PromptPassage {
  return {
    title: sanitizeForPrompt(passage.title, { maxLength: MAX_TITLE_CHARS, singleLine: true }),
    heading: sanitizeForPrompt(passage.heading, { maxLength: MAX_TITLE_CHARS, singleLine: true }),
    text: sanitizeForPrompt(passage.text, { maxLength: MAX_PASSAGE_CHARS }),
  };
}

async function completeWithin(
  input: GenerateAnswerInput,
  messages: ReturnType<typeof buildPrompt>,
): Promise<ChatCompletionResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ChatCompletionResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: "timeout" }),
      Math.max(1, input.timeoutMs) + TIMEOUT_GRACE_MS,
    );
  });
  try {
    const call = input.llm
      .complete({ messages, maxTokens: MAX_TOKENS, temperature: 0, timeoutMs: input.timeoutMs })
      .catch((): ChatCompletionResult => ({ ok: false, reason: "unavailable", detail: "thrown" }));
    return await Promise.race([call, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
