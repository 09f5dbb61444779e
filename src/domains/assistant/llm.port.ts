/**
 * Port to an optional text-generation service (any OpenAI-compatible chat-completions API: Albert,
 * Mistral, Ollama, vLLM…). The assistant works fully without it; when configured, it only rephrases
 * retrieved passages (src/domains/assistant/generative/). Implemented by src/adapters/llm/.
 */

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type ChatCompletionRequest = {
  messages: ChatMessage[];
  maxTokens: number;
  /** 0 for reproducible rephrasing. */
  temperature: number;
  /** The adapter aborts and returns `{ ok: false, reason: "timeout" }` past this. */
  timeoutMs: number;
};

export type ChatCompletionFailure = {
  ok: false;
  reason: "timeout" | "unavailable" | "http_error" | "invalid_response";
  /** For logs only (status code, error class); never the prompt or the reply. */
  detail?: string;
};

export type ChatCompletionResult = { ok: true; content: string } | ChatCompletionFailure;

export type LlmClient = {
  /** Which model answers, for logs and the back office. */
  readonly model: string;
  complete(request: ChatCompletionRequest): Promise<ChatCompletionResult>;
};
