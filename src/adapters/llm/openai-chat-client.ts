/**
 * `LlmClient` over any OpenAI-compatible chat-completions API (Albert, Mistral, Ollama, vLLM…):
 * one non-streamed POST {baseUrl}/chat/completions, bounded by a timeout, failures returned typed
 * instead of thrown. Never logs nor returns in `detail` the prompt or the reply.
 */
import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type {
  ChatCompletionFailure,
  ChatCompletionRequest,
  ChatCompletionResult,
  LlmClient,
} from "../../domains/assistant/llm.port.ts";

export type OpenAiChatClientOptions = {
  /** Up to the version segment, e.g. "https://albert.api.etalab.gouv.fr/v1" or "http://127.0.0.1:11434/v1". */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Injected for tests; defaults to Node's global fetch (undici). */
  fetch?: typeof fetch;
  /** A reply bigger than this is refused (a misbehaving server must not fill memory). */
  maxResponseBytes?: number;
};

// Only what we read is checked; servers add fields freely (usage, system_fingerprint…).
const CompletionResponse = Type.Object({
  choices: Type.Array(
    Type.Object({
      message: Type.Object({ content: Type.String() }),
      finish_reason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    }),
    { minItems: 1 },
  ),
});

const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

export function createOpenAiChatClient(options: OpenAiChatClientOptions): LlmClient {
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const doFetch = options.fetch ?? fetch;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  return {
    model: options.model,
    async complete(request: ChatCompletionRequest): Promise<ChatCompletionResult> {
      const controller = new AbortController();
      // The timer covers the whole exchange, body included: a server that sends headers then stalls
      // must not hold the citizen's turn.
      const timer = setTimeout(() => controller.abort(), Math.max(1, request.timeoutMs));
      try {
        const response = await doFetch(endpoint, {
          method: "POST",
          headers,
          body: JSON.stringify({
            model: options.model,
            messages: request.messages,
            max_tokens: request.maxTokens,
            temperature: request.temperature,
            stream: false,
          }),
          signal: controller.signal,
          // A redirect would resend the citizen's question somewhere we were not configured to trust.
          redirect: "error",
        });
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          return failure("http_error", `status ${response.status}`);
        }
        const raw = await readBounded(response, maxBytes);
        if (raw === undefined) return failure("invalid_response", "too_large");
        return parseCompletion(raw);
      } catch (error) {
        if (controller.signal.aborted) return failure("timeout", `after ${request.timeoutMs} ms`);
        return failure("unavailable", errorCode(error));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function parseCompletion(raw: string): ChatCompletionResult {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return failure("invalid_response", "not_json");
  }
  if (!Value.Check(CompletionResponse, body)) return failure("invalid_response", "unexpected_shape");
  const choice = body.choices[0]!;
  // A reply cut by max_tokens may have lost its citations or end mid-sentence when read aloud.
  if (choice.finish_reason === "length") return failure("invalid_response", "truncated");
  return { ok: true, content: choice.message.content };
}

async function readBounded(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** undici wraps the socket error in `cause` ("ECONNREFUSED", "UND_ERR_SOCKET"…). */
function errorCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.name : "unknown";
}

function failure(reason: ChatCompletionFailure["reason"], detail: string): ChatCompletionFailure {
  return { ok: false, reason, detail };
}
